package dev.iotjobs.mqtt;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import software.amazon.awssdk.crt.io.ClientBootstrap;
import software.amazon.awssdk.crt.io.SocketOptions;
import software.amazon.awssdk.crt.iot.MqttRequestResponseClientOptions;
import software.amazon.awssdk.crt.mqtt.MqttClient;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttConnectionConfig;
import software.amazon.awssdk.crt.mqtt.MqttException;
import software.amazon.awssdk.crt.mqtt.MqttMessage;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.EnumSerializer;
import software.amazon.awssdk.iot.Timestamp;
import software.amazon.awssdk.iot.iotjobs.IotJobsClient;
import software.amazon.awssdk.iot.iotjobs.IotJobsV2Client;
import software.amazon.awssdk.iot.iotjobs.model.DescribeJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.DescribeJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.DescribeJobExecutionSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsRequest;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsResponse;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.JobExecutionsChangedEvent;
import software.amazon.awssdk.iot.iotjobs.model.JobExecutionsChangedSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.JobStatus;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedEvent;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.RejectedError;
import software.amazon.awssdk.iot.iotjobs.model.RejectedErrorCode;
import software.amazon.awssdk.iot.iotjobs.model.StartNextJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionSubscriptionRequest;

/**
 * A device as AWS's own client makes it, for tests: the AWS IoT Device SDK for Java v2 ({@code IotJobsClient}, MQTT
 * 3.1.1 over plain TCP, client id = thing name) driving the jobs flow of AWS's samples.
 *
 * <p>Each request helper subscribes (once) to the operation's {@code /accepted} and {@code /rejected} topics with the
 * SDK, publishes the SDK's request with a fresh clientToken, and returns the answer carrying that token, parsed by
 * the SDK. Answers whose token matches no request in flight (a second answer, or a rejection of unparsable JSON,
 * which has none) go to {@link #unmatchedAnswers()}. Each wait is bounded by {@link #WAIT}; a missing answer fails
 * the test.
 *
 * <p>The AWS connection builder ({@code AwsIotMqttConnectionBuilder}) always sets up TLS, so this builds the
 * SDK's MQTT 3.1.1 connection from the CRT's own classes; the jobs clients on top are the SDK's.
 */
final class DeviceSdkClient implements AutoCloseable {
    /** How long a test waits for one answer or event. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final QualityOfService QOS = QualityOfService.AT_LEAST_ONCE;

    /** The settings of the SDK's jobs clients' Gson (IotJobsClient.getGson), for topics the SDK does not name. */
    private static final Gson SDK_GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .registerTypeAdapter(Timestamp.class, new Timestamp.Serializer())
            .registerTypeAdapter(Timestamp.class, new Timestamp.Deserializer())
            .registerTypeAdapter(JobStatus.class, new EnumSerializer<JobStatus>())
            .registerTypeAdapter(RejectedErrorCode.class, new EnumSerializer<RejectedErrorCode>())
            .create();

    private final String thingName;
    private final MqttConnectionConfig config;
    private final MqttClient mqttClient;
    private final MqttClientConnection connection;
    private final IotJobsClient jobs;
    private final Map<String, CompletableFuture<SdkAnswer<?>>> inFlight = new ConcurrentHashMap<>();
    private final Set<String> subscribed = new HashSet<>();
    private final SdkEvents<SdkAnswer<?>> unmatched = new SdkEvents<>("answers without a request in flight");
    private final SdkEvents<Exception> parseFailures = new SdkEvents<>("payloads the SDK could not parse");
    private IotJobsV2Client jobsV2;

    private DeviceSdkClient(String thingName, MqttConnectionConfig config, MqttClient mqttClient,
            MqttClientConnection connection) {
        this.thingName = thingName;
        this.config = config;
        this.mqttClient = mqttClient;
        this.connection = connection;
        this.jobs = new IotJobsClient(connection);
    }

    /** Connects as thing {@code thingName} (also the client id), without credentials, with a clean session. */
    static DeviceSdkClient connect(String host, int port, String thingName) {
        return connect(host, port, thingName, null, null);
    }

    /** Connects as thing {@code thingName} (also the client id) with an MQTT username and password. */
    static DeviceSdkClient connect(String host, int port, String thingName, String username, String password) {
        MqttClient mqttClient = new MqttClient(ClientBootstrap.getOrCreateStaticDefault());
        MqttConnectionConfig config = new MqttConnectionConfig();
        try (SocketOptions socket = new SocketOptions()) {
            socket.connectTimeoutMs = (int) WAIT.toMillis();
            config.setMqttClient(mqttClient);
            config.setClientId(thingName);
            config.setEndpoint(host);
            config.setPort(port);
            config.setSocketOptions(socket);
            config.setCleanSession(true);
            config.setKeepAliveSecs(30);
            config.setProtocolOperationTimeoutMs((int) WAIT.toMillis());
            if (username != null) {
                config.setUsername(username);
                config.setPassword(password);
            }
            MqttClientConnection connection = new MqttClientConnection(config);
            try {
                await(connection.connect(), "CONNECT of " + thingName + " to " + host + ":" + port);
            } catch (RuntimeException | AssertionError e) {
                connection.close();
                throw e;
            }
            return new DeviceSdkClient(thingName, config, mqttClient, connection);
        } catch (RuntimeException | AssertionError e) {
            config.close();
            mqttClient.close();
            throw e;
        }
    }

    String thingName() {
        return thingName;
    }

    /** The SDK's MQTT 3.1.1 jobs client on this connection, for what the helpers do not cover. */
    IotJobsClient jobs() {
        return jobs;
    }

    /** The SDK's request-response jobs client ({@code IotJobsV2Client}) on this connection, made on first use. */
    synchronized IotJobsV2Client jobsV2() {
        if (jobsV2 == null) {
            MqttRequestResponseClientOptions options = MqttRequestResponseClientOptions.builder()
                    .withMaxRequestResponseSubscriptions(4)
                    .withMaxStreamingSubscriptions(2)
                    .withOperationTimeoutSeconds((int) WAIT.toSeconds())
                    .build();
            jobsV2 = IotJobsV2Client.newFromMqtt311(connection, options);
        }
        return jobsV2;
    }

    /** The CRT connection underneath, for raw publishes and subscriptions. */
    MqttClientConnection connection() {
        return connection;
    }

    /** GetPendingJobExecutions: publishes {@code .../jobs/get}. */
    SdkAnswer<GetPendingJobExecutionsResponse> getPending() {
        String topic = jobsTopic("get");
        if (firstUse(topic)) {
            GetPendingJobExecutionsSubscriptionRequest subscription = new GetPendingJobExecutionsSubscriptionRequest();
            subscription.thingName = thingName;
            subscribe(() -> jobs.SubscribeToGetPendingJobExecutionsAccepted(subscription, QOS,
                    response -> deliver(response.clientToken, SdkAnswer.accepted(topic, response)), this::parseFailed),
                    topic);
            subscribe(() -> jobs.SubscribeToGetPendingJobExecutionsRejected(subscription, QOS,
                    error -> deliver(error.clientToken, SdkAnswer.rejected(topic, error)), this::parseFailed), topic);
        }
        GetPendingJobExecutionsRequest request = new GetPendingJobExecutionsRequest();
        request.thingName = thingName;
        request.clientToken = newToken();
        return answer(topic, request.clientToken, () -> jobs.PublishGetPendingJobExecutions(request, QOS));
    }

    /** StartNextPendingJobExecution without statusDetails or step timeout: publishes {@code .../jobs/start-next}. */
    SdkAnswer<StartNextJobExecutionResponse> startNext() {
        return startNext(new StartNextPendingJobExecutionRequest());
    }

    /** StartNextPendingJobExecution; sets the thing name, and a fresh clientToken unless the request has one. */
    SdkAnswer<StartNextJobExecutionResponse> startNext(StartNextPendingJobExecutionRequest request) {
        String topic = jobsTopic("start-next");
        if (firstUse(topic)) {
            StartNextPendingJobExecutionSubscriptionRequest subscription =
                    new StartNextPendingJobExecutionSubscriptionRequest();
            subscription.thingName = thingName;
            subscribe(() -> jobs.SubscribeToStartNextPendingJobExecutionAccepted(subscription, QOS,
                    response -> deliver(response.clientToken, SdkAnswer.accepted(topic, response)), this::parseFailed),
                    topic);
            subscribe(() -> jobs.SubscribeToStartNextPendingJobExecutionRejected(subscription, QOS,
                    error -> deliver(error.clientToken, SdkAnswer.rejected(topic, error)), this::parseFailed), topic);
        }
        request.thingName = thingName;
        request.clientToken = request.clientToken == null ? newToken() : request.clientToken;
        return answer(topic, request.clientToken, () -> jobs.PublishStartNextPendingJobExecution(request, QOS));
    }

    /**
     * UpdateJobExecution to {@code status}, with {@code expectedVersion} when not null (as AWS's samples send it).
     */
    SdkAnswer<UpdateJobExecutionResponse> update(String jobId, JobStatus status, Integer expectedVersion) {
        UpdateJobExecutionRequest request = new UpdateJobExecutionRequest();
        request.jobId = jobId;
        request.status = status;
        request.expectedVersion = expectedVersion;
        return update(request);
    }

    /** UpdateJobExecution; sets the thing name, and a fresh clientToken unless the request has one. */
    SdkAnswer<UpdateJobExecutionResponse> update(UpdateJobExecutionRequest request) {
        String topic = jobsTopic(request.jobId + "/update");
        if (firstUse(topic)) {
            UpdateJobExecutionSubscriptionRequest subscription = new UpdateJobExecutionSubscriptionRequest();
            subscription.thingName = thingName;
            subscription.jobId = request.jobId;
            subscribe(() -> jobs.SubscribeToUpdateJobExecutionAccepted(subscription, QOS,
                    response -> deliver(response.clientToken, SdkAnswer.accepted(topic, response)), this::parseFailed),
                    topic);
            subscribe(() -> jobs.SubscribeToUpdateJobExecutionRejected(subscription, QOS,
                    error -> deliver(error.clientToken, SdkAnswer.rejected(topic, error)), this::parseFailed), topic);
        }
        request.thingName = thingName;
        request.clientToken = request.clientToken == null ? newToken() : request.clientToken;
        return answer(topic, request.clientToken, () -> jobs.PublishUpdateJobExecution(request, QOS));
    }

    /** DescribeJobExecution of {@code jobId} ({@code $next} for the next pending one), with its job document. */
    SdkAnswer<DescribeJobExecutionResponse> describe(String jobId) {
        DescribeJobExecutionRequest request = new DescribeJobExecutionRequest();
        request.jobId = jobId;
        request.includeJobDocument = true;
        return describe(request);
    }

    /** DescribeJobExecution; sets the thing name, and a fresh clientToken unless the request has one. */
    SdkAnswer<DescribeJobExecutionResponse> describe(DescribeJobExecutionRequest request) {
        String topic = jobsTopic(request.jobId + "/get");
        if (firstUse(topic)) {
            DescribeJobExecutionSubscriptionRequest subscription = new DescribeJobExecutionSubscriptionRequest();
            subscription.thingName = thingName;
            subscription.jobId = request.jobId;
            subscribe(() -> jobs.SubscribeToDescribeJobExecutionAccepted(subscription, QOS,
                    response -> deliver(response.clientToken, SdkAnswer.accepted(topic, response)), this::parseFailed),
                    topic);
            subscribe(() -> jobs.SubscribeToDescribeJobExecutionRejected(subscription, QOS,
                    error -> deliver(error.clientToken, SdkAnswer.rejected(topic, error)), this::parseFailed), topic);
        }
        request.thingName = thingName;
        request.clientToken = request.clientToken == null ? newToken() : request.clientToken;
        return answer(topic, request.clientToken, () -> jobs.PublishDescribeJobExecution(request, QOS));
    }

    /** Subscribes to {@code .../jobs/notify} (the pending set changed); returns once the broker has the subscription. */
    SdkEvents<JobExecutionsChangedEvent> subscribeToNotify() {
        JobExecutionsChangedSubscriptionRequest subscription = new JobExecutionsChangedSubscriptionRequest();
        subscription.thingName = thingName;
        SdkEvents<JobExecutionsChangedEvent> events = new SdkEvents<>(jobsTopic("notify"));
        subscribe(() -> jobs.SubscribeToJobExecutionsChangedEvents(subscription, QOS, events::add, this::parseFailed),
                events.topic());
        return events;
    }

    /** Subscribes to {@code .../jobs/notify-next} (the head of the queue changed). */
    SdkEvents<NextJobExecutionChangedEvent> subscribeToNotifyNext() {
        NextJobExecutionChangedSubscriptionRequest subscription = new NextJobExecutionChangedSubscriptionRequest();
        subscription.thingName = thingName;
        SdkEvents<NextJobExecutionChangedEvent> events = new SdkEvents<>(jobsTopic("notify-next"));
        subscribe(() -> jobs.SubscribeToNextJobExecutionChangedEvents(subscription, QOS, events::add, this::parseFailed),
                events.topic());
        return events;
    }

    /**
     * Subscribes to {@code requestTopic + "/rejected"} for any topic (one no SDK operation names, for InvalidTopic),
     * parsing with the SDK's own model and Gson settings.
     */
    SdkEvents<RejectedError> subscribeToRejected(String requestTopic) {
        SdkEvents<RejectedError> events = new SdkEvents<>(requestTopic + "/rejected");
        subscribe(() -> connection.subscribe(events.topic(), QOS, message -> {
            try {
                events.add(SDK_GSON.fromJson(new String(message.getPayload(), StandardCharsets.UTF_8),
                        RejectedError.class));
            } catch (JsonParseException e) {
                parseFailed(e);
            }
        }), events.topic());
        return events;
    }

    /** Publishes any bytes to any topic (garbage payloads, topics no operation names), at QoS 1. */
    void publishRaw(String topic, byte[] payload) {
        await(connection.publish(new MqttMessage(topic, payload, QOS)), "PUBLISH to " + topic);
    }

    /** Answers whose clientToken matched no request in flight, in arrival order. */
    SdkEvents<SdkAnswer<?>> unmatchedAnswers() {
        return unmatched;
    }

    /** Payloads on subscribed topics that the SDK could not parse. */
    SdkEvents<Exception> parseFailures() {
        return parseFailures;
    }

    /** {@code $aws/things/{thingName}/jobs/} followed by {@code suffix}. */
    String jobsTopic(String suffix) {
        return "$aws/things/" + thingName + "/jobs/" + suffix;
    }

    /** Disconnects and frees the SDK's native resources. */
    @Override
    public synchronized void close() {
        try {
            if (jobsV2 != null) {
                jobsV2.close();
            }
            await(connection.disconnect(), "DISCONNECT of " + thingName);
        } finally {
            connection.close();
            config.close();
            mqttClient.close();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> SdkAnswer<T> answer(String topic, String clientToken, PublishCall publish) {
        CompletableFuture<SdkAnswer<?>> answer = new CompletableFuture<>();
        inFlight.put(clientToken, answer);
        try {
            await(publish.send(), "PUBLISH to " + topic);
            return (SdkAnswer<T>) answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer on " + topic + "/accepted or /rejected with clientToken "
                    + clientToken + " within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            inFlight.remove(clientToken);
        }
    }

    private void deliver(String clientToken, SdkAnswer<?> answer) {
        CompletableFuture<SdkAnswer<?>> waiting = clientToken == null ? null : inFlight.remove(clientToken);
        if (waiting == null) {
            unmatched.add(answer);
        } else {
            waiting.complete(answer);
        }
    }

    private void parseFailed(Exception e) {
        parseFailures.add(e);
    }

    private synchronized boolean firstUse(String requestTopic) {
        return subscribed.add(requestTopic);
    }

    /**
     * Moquette 0.17 sometimes drops a connection's first SUBSCRIBE read before the CONNACK went out under load; the
     * CRT then reconnects by itself and cancels the requests of the old session. A device subscribes again then, as
     * AWS's samples do after a resumed connection.
     */
    private static void subscribe(Supplier<CompletableFuture<Integer>> suback, String topic) {
        for (int attempt = 1; ; attempt++) {
            try {
                await(suback.get(), "SUBSCRIBE to " + topic);
                return;
            } catch (IllegalStateException e) {
                if (attempt >= 5 || !(e.getCause() instanceof MqttException)
                        || !String.valueOf(e.getCause().getMessage()).contains("previous session")) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " not done within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** The SDK's publish call of one request. */
    @FunctionalInterface
    private interface PublishCall {
        CompletableFuture<Integer> send();
    }

    /** statusDetails from key, value, key, value...: the SDK's requests hold them as a HashMap. */
    static HashMap<String, String> details(String... keysAndValues) {
        HashMap<String, String> details = new HashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            details.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return details;
    }
}
