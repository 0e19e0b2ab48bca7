package dev.iotjobs.server;

import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.server.wire.JobsWire;
import dev.iotjobs.server.wire.Plane;
import dev.iotjobs.server.wire.Signatures;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server that speaks AWS's REST-JSON wire for the engine (SPEC W1-W3), for a host service to run
 * beside its own code. One port serves both planes, each request going to the plane its SigV4 credential scope
 * (or, unsigned, its Host) names; an optional second port is always the device data plane.
 *
 * <pre>{@code
 * JobsHttpServer server = JobsHttpServer.builder(engine).host("0.0.0.0").port(8080).build().start();
 * ...
 * server.close();   // before engine.close()
 * }</pre>
 *
 * <p>Engine calls may block on the store, so they run on a pool of handler threads, never on the network threads;
 * a connection's answers go out in the order of its requests. {@link #close} stops listening, answers the requests
 * under way, then closes the connections.
 */
public final class JobsHttpServer implements AutoCloseable {
    /** The largest request body read; a bigger one is answered 413. */
    public static final int MAX_BODY_BYTES = JobsWire.MAX_BODY_BYTES;
    /** A connection that sends nothing for this long is closed. */
    private static final int IDLE_SECONDS = 60;

    private final JobsWire wire;
    private final String host;
    private final int port;
    private final Integer dataPort;
    private final String endpointAddress;
    /** What DescribeEndpoint answers: known once the listeners are bound; read by handler threads. */
    private volatile String dataEndpoint;
    private final int handlerThreads;
    private final List<Channel> listeners = new ArrayList<>();
    private EventLoopGroup network;
    private ExecutorService engineCalls;
    private final PendingWrites writes = new PendingWrites();

    private JobsHttpServer(Builder builder) {
        this.endpointAddress = builder.endpointAddress;
        this.wire = new JobsWire(builder.engine, () -> dataEndpoint, builder.secretByAccessKeyId == null
                ? Signatures.notChecked() : Signatures.sigV4(builder.secretByAccessKeyId, Clock.systemUTC()));
        this.host = builder.host;
        this.port = builder.port;
        this.dataPort = builder.dataPort;
        this.handlerThreads = builder.handlerThreads;
    }

    /**
     * @param engine the engine to serve
     * @return a builder
     * @throws NullPointerException if {@code engine} is null
     */
    public static Builder builder(JobsEngine engine) {
        return new Builder(Objects.requireNonNull(engine, "engine must not be null"));
    }

    /**
     * Binds the listeners.
     *
     * @return this server, listening
     * @throws IllegalStateException if it was started already or a port cannot be bound
     */
    public synchronized JobsHttpServer start() {
        if (network != null) {
            throw new IllegalStateException("the server was started already");
        }
        network = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        AtomicInteger threads = new AtomicInteger();
        engineCalls = Executors.newFixedThreadPool(handlerThreads, runnable -> {
            Thread thread = new Thread(runnable, "iotjobs-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            listeners.add(bind(port, null));
            if (dataPort != null) {
                listeners.add(bind(dataPort, Plane.DATA));
            }
            dataEndpoint = endpointAddress != null ? endpointAddress
                    : host + ":" + boundPort(listeners.size() - 1);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /** @return the port both planes are served on (the one bound, when 0 was asked for) */
    public synchronized int port() {
        return boundPort(0);
    }

    /** @return the data-plane port, or -1 without one */
    public synchronized int dataPort() {
        return dataPort == null ? -1 : boundPort(1);
    }

    /**
     * Stops listening, lets the requests under way finish and answers them (up to 5 s), then closes the
     * connections. Idempotent.
     */
    @Override
    public synchronized void close() {
        listeners.forEach(channel -> channel.close().awaitUninterruptibly());
        listeners.clear();
        if (network != null) {
            // Engine calls first: their answers still need the network threads to be written.
            engineCalls.shutdown();
            try {
                engineCalls.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writes.awaitNone(5, TimeUnit.SECONDS);
            network.shutdownGracefully(100, 5_000, TimeUnit.MILLISECONDS).awaitUninterruptibly();
            network = null;
            engineCalls = null;
        }
    }

    private Channel bind(int listenPort, Plane plane) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(network)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new ReadTimeoutHandler(IDLE_SECONDS))
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpServerKeepAliveHandler())
                                .addLast(new BodyLimit(wire, MAX_BODY_BYTES))
                                .addLast(new WireHandler(wire, plane, engineCalls, writes));
                    }
                });
        try {
            return bootstrap.bind(new InetSocketAddress(host, listenPort)).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + host + ":" + listenPort, e);
        } catch (Exception e) {   // Netty's sync() rethrows the checked BindException undeclared
            throw new IllegalStateException("cannot listen on " + host + ":" + listenPort + ": " + e.getMessage(), e);
        }
    }

    private int boundPort(int listener) {
        if (listeners.size() <= listener) {
            throw new IllegalStateException("the server is not started");
        }
        return ((InetSocketAddress) listeners.get(listener).localAddress()).getPort();
    }

    /** Configures a {@link JobsHttpServer}. */
    public static final class Builder {
        private final JobsEngine engine;
        private String host = "127.0.0.1";
        private int port = 8080;
        private Integer dataPort;
        private int handlerThreads = 16;
        private String endpointAddress;
        private Map<String, String> secretByAccessKeyId;

        private Builder(JobsEngine engine) {
            this.engine = engine;
        }

        /** @param host the address to listen on (default {@code 127.0.0.1}) @return this */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host must not be null");
            return this;
        }

        /** @param port the port of both planes, 0 for any free one (default 8080) @return this */
        public Builder port(int port) {
            this.port = checkedPort(port, "port");
            return this;
        }

        /** @param port a second port that is always the data plane, for unsigned device clients @return this */
        public Builder dataPort(int port) {
            this.dataPort = checkedPort(port, "dataPort");
            return this;
        }

        /**
         * @param address the address DescribeEndpoint answers for {@code iot:Jobs}, {@code host[:port]} as devices
         *     reach the data plane (default: this server's host and its data-plane port, else its port; set it when
         *     listening on {@code 0.0.0.0} or behind a proxy)
         * @return this
         */
        public Builder endpointAddress(String address) {
            Objects.requireNonNull(address, "endpointAddress must not be null");
            if (address.isBlank() || address.contains("/")) {
                throw new IllegalArgumentException("endpointAddress must be host[:port], not \"" + address + "\"");
            }
            this.endpointAddress = address;
            return this;
        }

        /**
         * Requires every request (but {@code GET /health}) to carry a valid AWS Signature Version 4 by one of these
         * keys, on every listener; else it is answered 403 with AWS's error (SPEC W7). Without this, signatures are
         * not checked, as local AWS emulators do.
         *
         * @param secretByAccessKeyId each access key id that may sign, with its secret access key
         * @return this
         * @throws IllegalArgumentException if the map is empty or holds a blank id or secret
         */
        public Builder sigV4Credentials(Map<String, String> secretByAccessKeyId) {
            Objects.requireNonNull(secretByAccessKeyId, "sigV4Credentials must not be null");
            if (secretByAccessKeyId.isEmpty()) {
                throw new IllegalArgumentException("sigV4Credentials must hold at least one access key");
            }
            secretByAccessKeyId.forEach((id, secret) -> {
                if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
                    throw new IllegalArgumentException("sigV4Credentials: access key ids and secrets must not be "
                            + "blank");
                }
            });
            this.secretByAccessKeyId = Map.copyOf(secretByAccessKeyId);
            return this;
        }

        /** @param threads how many requests run engine calls at once (default 16) @return this */
        public Builder handlerThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("handlerThreads must be at least 1, not " + threads);
            }
            this.handlerThreads = threads;
            return this;
        }

        /** @return the server, not started */
        public JobsHttpServer build() {
            return new JobsHttpServer(this);
        }

        private static int checkedPort(int port, String name) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(name + " must be from 0 to 65535, not " + port);
            }
            return port;
        }
    }
}
