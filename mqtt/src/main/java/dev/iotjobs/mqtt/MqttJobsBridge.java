package dev.iotjobs.mqtt;

import dev.iotjobs.core.JobsEngine;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the AWS IoT Jobs MQTT device protocol from a {@link JobsEngine} through an MQTT broker (SPEC W4-W7, E4,
 * E5). The bridge is an MQTT client of any broker (Mosquitto, EMQX, HiveMQ, VerneMQ, an embedded Moquette): it
 * subscribes to the device request topics under {@code $aws/things/+/jobs/}, answers each request on
 * {@code .../accepted} or {@code .../rejected} as AWS does (clientToken echoed, integer-second timestamps, the job
 * document as a JSON object), and publishes {@code notify} and {@code notify-next} from the engine's events, in
 * commit order per thing. Devices written for AWS (the AWS IoT Device SDKs, the AWS IoT Device Client) use it
 * unchanged but for their endpoint.
 *
 * <pre>{@code
 * MqttJobsBridge bridge = MqttJobsBridge.builder()
 *     .engine(engine)
 *     .brokerUri(URI.create("tcp://127.0.0.1:1883"))
 *     .build()
 *     .start();                  // connected and subscribed, or a MqttBridgeException
 * engine.start();                // the background event relay (and due work)
 * ...
 * bridge.close();                // before engine.close()
 * }</pre>
 *
 * <ul>
 *   <li><b>Identity (W7).</b> The thing name in the request's topic is the device's identity: the broker's access
 *       rules must keep each device on its own {@code $aws/things/{thing}/jobs/#} topics, and give the bridge's
 *       account all of them.</li>
 *   <li><b>Topics (W4).</b> The bridge subscribes to {@code $aws/things/+/jobs/+} ({@code get},
 *       {@code start-next}, and any other name there, answered {@code InvalidTopic} on {@code {topic}/rejected} as
 *       AWS does), {@code $aws/things/+/jobs/+/get} and {@code $aws/things/+/jobs/+/update}. Its own
 *       {@code notify} and {@code notify-next} match the first filter: over MQTT 5 without a shared group it
 *       subscribes with No Local so that they do not come back; over 3.1.1 or through a shared group they come
 *       back and are ignored. Other topics two or more levels under {@code jobs/} never reach the bridge and get
 *       no answer (a catch-all filter there would bring back every answer it publishes). Job ids named
 *       {@code get}, {@code start-next}, {@code notify} or {@code notify-next} work: routing goes by the number
 *       of levels first.</li>
 *   <li><b>Answers (W5).</b> Each answer is published (QoS 1) only after the engine returned, so it acknowledges a
 *       committed change. Engine calls block (a JDBC store), so they run on {@link Builder#requestWorkers} threads,
 *       never on the MQTT client's own thread; a request that finds them all busy and
 *       {@link Builder#maxQueuedRequests} waiting is rejected {@code RequestThrottled}.</li>
 *   <li><b>Notifications (E4).</b> The bridge subscribes to {@link JobsEngine#events()} when it starts. Events are
 *       delivered by the engine node that holds the store's relay lease, on the committing thread or the engine's
 *       background relay: call {@link JobsEngine#start()} so that events of other nodes, of a restart and of the
 *       engine's own due work (timeouts, rollouts) are relayed. With several engine nodes, each with a bridge, each
 *       notification is therefore published once (W6). Start the bridge before devices act and before
 *       {@code engine.start()}: an engine with no subscriber drops its events.</li>
 *   <li><b>Several nodes (W6).</b> With {@link Builder#sharedSubscriptionGroup} every bridge subscribes through
 *       {@code $share/{group}/...}, so the broker hands each request to one of them. The broker must support
 *       shared subscriptions (Mosquitto 2, EMQX, HiveMQ, VerneMQ do; Moquette 0.17 does not).</li>
 *   <li><b>Faults.</b> After a lost connection the bridge reconnects with backoff (logged), subscribes again and
 *       resends unacknowledged answers and notifications (at least once). A payload that is not JSON, has members
 *       of the wrong type, is larger than {@link Builder#maxPayloadBytes}, or a topic with an invalid thing name is
 *       answered on {@code /rejected} (or ignored, with a log line); it never stops the bridge.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #start()} once; {@link #close()} stops taking requests, finishes the requests under way,
 * publishes what is queued and disconnects. Closing the bridge does not close the engine.
 */
public final class MqttJobsBridge implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttJobsBridge.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private enum State { NEW, STARTING, RUNNING, CLOSING, CLOSED }

    private final JobsEngine engine;
    private final LinkSettings settings;
    private final MqttProtocol protocol;
    private final List<String> filters;
    private final boolean jobsEvents;
    private final int requestWorkers;
    private final int maxQueuedRequests;
    private final RequestHandler handler;
    private final Set<CompletableFuture<Void>> unacknowledged = ConcurrentHashMap.newKeySet();

    private volatile State state = State.NEW;
    private volatile BrokerLink link;
    private ThreadPoolExecutor requests;
    private EventPublisher events;
    private AutoCloseable eventSubscription;

    private MqttJobsBridge(Builder builder) {
        this.engine = builder.engine;
        this.settings = new LinkSettings(BrokerAddress.of(builder.brokerUri), builder.clientId, builder.username,
                builder.password, builder.trust, builder.keys, builder.connectTimeout,
                new Backoff(builder.reconnectMin, builder.reconnectMax));
        this.protocol = builder.protocol;
        this.filters = JobsTopics.requestFilters(builder.sharedGroup);
        this.jobsEvents = builder.jobsEvents;
        this.requestWorkers = builder.requestWorkers;
        this.maxQueuedRequests = builder.maxQueuedRequests;
        this.handler = new RequestHandler(new DeviceOperations(engine.dataPlane()), Clock.systemUTC(),
                builder.maxPayloadBytes);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects to the broker, subscribes to the device request topics and to the engine's events, and returns once
     * the broker granted the subscriptions. From then on the bridge reconnects by itself after any loss of the
     * connection, until {@link #close()}.
     *
     * @return this bridge
     * @throws MqttBridgeException if the broker cannot be reached within the connect timeout, refuses the
     *     connection (credentials, protocol version, TLS) or refuses a subscription; nothing is left running
     * @throws IllegalStateException if the bridge was started or closed before
     */
    public synchronized MqttJobsBridge start() {
        if (state != State.NEW) {
            throw new IllegalStateException("start() may be called once, on a new bridge; this one is "
                    + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        state = State.STARTING;
        AtomicInteger threads = new AtomicInteger();
        requests = new ThreadPoolExecutor(requestWorkers, requestWorkers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(maxQueuedRequests), runnable -> {
                    Thread thread = new Thread(runnable, "iotjobs-mqtt-request-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        events = new EventPublisher(this::publish, jobsEvents ? new JobsEventMessages(engine.controlPlane()) : null);
        try {
            eventSubscription = engine.events().subscribe(events);
            link = connect();
            link.keepReconnecting();
            List<String> refused = await(link.subscribe(filters), "subscribe to " + filters);
            if (!refused.isEmpty()) {
                throw new MqttBridgeException("the MQTT broker " + settings.address() + " refused the subscription"
                        + (refused.size() > 1 ? "s " : " ") + String.join(", ", refused)
                        + (filters.get(0).startsWith("$share/") ? "; does it support shared subscriptions?" : "")
                        + "; check the bridge account's access rules", null);
            }
            events.open();
            state = State.RUNNING;
            LOG.info("MQTT jobs bridge connected to {} ({}) as {}; answering {}", settings.address(),
                    link.protocol(), settings.clientId(), filters);
            return this;
        } catch (RuntimeException e) {
            abandonStart();
            throw e;
        }
    }

    /** @return whether the bridge is running and connected to its broker now */
    public boolean isConnected() {
        BrokerLink current = link;
        return state == State.RUNNING && current != null && current.isConnected();
    }

    /**
     * Stops taking requests (those that arrive from now on are left unacknowledged, so that a shared group's broker
     * hands them to the other bridges when this one disconnects), answers the requests taken, publishes those
     * answers and the notifications due (waiting up to 30 s for each), then disconnects. Idempotent; does not close
     * the engine.
     */
    @Override
    public synchronized void close() {
        if (state == State.NEW || state == State.CLOSED) {
            state = State.CLOSED;
            return;
        }
        // From here on requests are left unacknowledged: when this session ends, a shared group's broker gives them to
        // the other bridges. Not UNSUBSCRIBE: HiveMQ CE 2025.5 then stopped feeding the group's other members.
        state = State.CLOSING;
        try {
            // The request the inbound thread may be handing to a worker right now gets there before they stop.
            link.afterInbound().get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("waiting for the inbound messages on close failed: {}", HiveMqLink.describe(e));
        }
        requests.shutdown();
        try {
            if (!requests.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("closing the MQTT jobs bridge with requests still under way");
                requests.shutdownNow();
            }
        } catch (InterruptedException e) {
            requests.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // Only now: the notifications of the requests just answered are still published.
        closeQuietly(eventSubscription);
        events.close(CLOSE_WAIT);
        try {
            CompletableFuture.allOf(unacknowledged.toArray(CompletableFuture[]::new))
                    .get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("closing the MQTT jobs bridge with {} messages the broker has not acknowledged",
                    unacknowledged.size());
        }
        try {
            link.disconnect().get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("disconnecting failed: {}", HiveMqLink.describe(e));
        }
        state = State.CLOSED;
        LOG.info("MQTT jobs bridge to {} closed", settings.address());
    }

    /** Connects with the protocol asked for; AUTO tries MQTT 5 and falls back to 3.1.1 when the broker refuses it. */
    private BrokerLink connect() {
        if (protocol == MqttProtocol.V3_1_1) {
            return connect(new Mqtt3Link(settings, this::received));
        }
        Mqtt5Link v5 = new Mqtt5Link(settings, this::received);
        if (protocol == MqttProtocol.V5) {
            return connect(v5);
        }
        try {
            await(v5.connect(), "connect with MQTT 5");
            return v5;
        } catch (MqttBridgeException e) {
            if (!ProtocolRefusal.isRefusal(e.getCause())) {
                throw e;
            }
            v5.disconnect();
            LOG.info("the MQTT broker {} refused MQTT 5 ({}); connecting with MQTT 3.1.1", settings.address(),
                    HiveMqLink.describe(e.getCause()));
            return connect(new Mqtt3Link(settings, this::received));
        }
    }

    private BrokerLink connect(BrokerLink candidate) {
        await(candidate.connect(), "connect with " + candidate.protocol());
        return candidate;
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        long timeout = settings.connectTimeout().toMillis();
        try {
            return future.get(timeout + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttBridgeException("interrupted while trying to " + what + " at " + settings.address(), e);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new MqttBridgeException("the MQTT broker " + settings.address() + " did not answer within "
                    + timeout + " ms (trying to " + what + "); is it running and reachable?", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new MqttBridgeException("could not " + what + " at the MQTT broker " + settings.address() + ": "
                    + HiveMqLink.describe(cause) + ProtocolRefusal.hint(cause), cause);
        }
    }

    private void abandonStart() {
        closeQuietly(eventSubscription);
        events.abandon();
        requests.shutdownNow();
        if (link != null) {
            link.disconnect();
        }
        state = State.CLOSED;
    }

    /**
     * On the link's inbound thread: hands the request to a worker at once.
     *
     * @return whether to acknowledge it to the broker: not once the bridge is closing
     */
    private boolean received(String topic, byte[] payload) {
        if (RequestTopic.isServiceOutput(topic)) {
            // Our own notify / notify-next, back through .../jobs/+ (3.1.1 and shared groups have no No Local).
            return true;
        }
        if (state == State.CLOSING || state == State.CLOSED) {
            LOG.debug("left a message on {} to the broker: the bridge is closing", topic);
            return false;
        }
        try {
            requests.execute(() -> handler.handle(topic, payload).ifPresent(this::publish));
        } catch (RejectedExecutionException e) {
            LOG.warn("rejected a request on {} with RequestThrottled: {} requests are waiting", topic,
                    maxQueuedRequests);
            if (RequestTopic.isUnderJobs(topic)) {
                publish(handler.throttled(topic, payload));
            }
        }
        return true;
    }

    private void publish(OutgoingMessage message) {
        CompletableFuture<Void> sent = link.publish(message);
        unacknowledged.add(sent);
        sent.whenComplete((ignored, failure) -> {
            unacknowledged.remove(sent);
            if (failure != null) {
                LOG.warn("could not publish to {}: {}", message.topic(), HiveMqLink.describe(failure));
            }
        });
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing the event subscription failed", e);
            }
        }
    }

    /** Configures a {@link MqttJobsBridge}. */
    public static final class Builder {
        private JobsEngine engine;
        private URI brokerUri;
        private String clientId = "iot-jobs-bridge-" + UUID.randomUUID().toString().substring(0, 8);
        private String username;
        private byte[] password;
        private TrustManagerFactory trust;
        private KeyManagerFactory keys;
        private boolean tlsGiven;
        private String sharedGroup;
        private MqttProtocol protocol = MqttProtocol.AUTO;
        private boolean jobsEvents;
        private int requestWorkers = 8;
        private int maxQueuedRequests = 10_000;
        private int maxPayloadBytes = 1024 * 1024;
        private Duration reconnectMin = Duration.ofMillis(250);
        private Duration reconnectMax = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** @param engine the engine whose data plane answers and whose events notify (required) @return this */
        public Builder engine(JobsEngine engine) {
            this.engine = engine;
            return this;
        }

        /**
         * @param brokerUri the broker: {@code tcp://HOST:PORT} (default port 1883) or {@code ssl://HOST:PORT}
         *     (default port 8883) (required)
         * @return this
         */
        public Builder brokerUri(URI brokerUri) {
            this.brokerUri = brokerUri;
            return this;
        }

        /**
         * @param clientId the bridge's MQTT client id (default {@code iot-jobs-bridge-} and 8 random hex digits);
         *     give every bridge on one broker its own
         * @return this
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * @param username the bridge account's user name
         * @param password its password, or null for none
         * @return this
         */
        public Builder credentials(String username, byte[] password) {
            this.username = username;
            this.password = password == null ? null : password.clone();
            return this;
        }

        /**
         * TLS settings for an {@code ssl://} broker (without them, the JVM's default trust store is used).
         *
         * @param trust who to trust: the broker's CA, or null for the JVM's default trust store
         * @param keysOrNull the bridge's client certificate and key, or null for none
         * @return this
         */
        public Builder tls(TrustManagerFactory trust, KeyManagerFactory keysOrNull) {
            this.trust = trust;
            this.keys = keysOrNull;
            this.tlsGiven = true;
            return this;
        }

        /**
         * @param group subscribe through {@code $share/{group}/...}, so that the broker hands each request to one
         *     bridge of the group (several engine nodes, SPEC W6); null (the default) for plain subscriptions
         * @return this
         */
        public Builder sharedSubscriptionGroup(String group) {
            this.sharedGroup = group;
            return this;
        }

        /** @param protocol the MQTT version (default {@link MqttProtocol#AUTO}) @return this */
        public Builder protocol(MqttProtocol protocol) {
            this.protocol = protocol;
            return this;
        }

        /**
         * @param enabled also publish AWS's jobs events on {@code $aws/events/job/{jobId}/...} and
         *     {@code $aws/events/jobExecution/{jobId}/...} (SPEC E5; default false)
         * @return this
         */
        public Builder jobsEvents(boolean enabled) {
            this.jobsEvents = enabled;
            return this;
        }

        /**
         * @param workers how many requests run in the engine at once (default 8); size it with the store's
         *     connection pool
         * @return this
         */
        public Builder requestWorkers(int workers) {
            this.requestWorkers = workers;
            return this;
        }

        /**
         * @param max how many requests may wait for a worker (default 10,000); more are answered
         *     {@code RequestThrottled}
         * @return this
         */
        public Builder maxQueuedRequests(int max) {
            this.maxQueuedRequests = max;
            return this;
        }

        /**
         * @param max the largest request payload answered (default 1 MiB); larger ones are rejected
         *     {@code InvalidRequest} unread, with a WARN log line
         * @return this
         */
        public Builder maxPayloadBytes(int max) {
            this.maxPayloadBytes = max;
            return this;
        }

        /**
         * @param min the wait before the first reconnect attempt (default 250 ms)
         * @param max the longest wait between attempts; the wait doubles up to it (default 30 s)
         * @return this
         */
        public Builder reconnectBackoff(Duration min, Duration max) {
            this.reconnectMin = min;
            this.reconnectMax = max;
            return this;
        }

        /**
         * @param timeout how long {@link #start()} and each reconnect attempt may take to connect (default 10 s)
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * @return the bridge, not yet started
         * @throws NullPointerException if the engine or the broker URI is missing, or a setting was set to null
         * @throws IllegalArgumentException if a setting is out of range, naming it
         */
        public MqttJobsBridge build() {
            Objects.requireNonNull(engine, "engine is required: call MqttJobsBridge.builder().engine(jobsEngine)");
            Objects.requireNonNull(brokerUri, "brokerUri is required: call .brokerUri(URI.create(\"tcp://HOST:1883\"))");
            Objects.requireNonNull(clientId, "clientId must not be null: leave it out for a random one");
            Objects.requireNonNull(protocol, "protocol must not be null: leave it out for AUTO");
            Objects.requireNonNull(reconnectMin, "reconnectBackoff min must not be null");
            Objects.requireNonNull(reconnectMax, "reconnectBackoff max must not be null");
            Objects.requireNonNull(connectTimeout, "connectTimeout must not be null");
            BrokerAddress address = BrokerAddress.of(brokerUri);
            if (tlsGiven && !address.tls()) {
                throw new IllegalArgumentException("tls(...) needs an ssl:// brokerUri, not " + brokerUri);
            }
            if (clientId.isEmpty()) {
                throw new IllegalArgumentException("clientId must not be empty");
            }
            if (username != null && username.isEmpty()) {
                throw new IllegalArgumentException("credentials: username must not be empty");
            }
            if (password != null && username == null) {
                throw new IllegalArgumentException("credentials: a password needs a username");
            }
            if (sharedGroup != null && JobsTopics.sharedGroupProblem(sharedGroup) != null) {
                throw new IllegalArgumentException("sharedSubscriptionGroup "
                        + JobsTopics.sharedGroupProblem(sharedGroup) + ", got \"" + sharedGroup + "\"");
            }
            requirePositive(requestWorkers, "requestWorkers");
            requirePositive(maxQueuedRequests, "maxQueuedRequests");
            requirePositive(maxPayloadBytes, "maxPayloadBytes");
            if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
                throw new IllegalArgumentException("reconnectBackoff must have 0 < min <= max, got min " + reconnectMin
                        + ", max " + reconnectMax);
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
            }
            return new MqttJobsBridge(this);
        }

        private static void requirePositive(int value, String setting) {
            if (value < 1) {
                throw new IllegalArgumentException(setting + " must be at least 1, got " + value);
            }
        }
    }
}
