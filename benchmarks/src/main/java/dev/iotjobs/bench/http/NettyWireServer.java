package dev.iotjobs.bench.http;

import dev.iotjobs.core.JobsEngine;
import dev.iotjobs.server.JobsHttpServer;

/** The project's own server, {@link JobsHttpServer} on Netty, its data-plane port under load. */
final class NettyWireServer implements WireServer {
    private final JobsHttpServer server;

    NettyWireServer(JobsEngine engine, String host, int handlerThreads) {
        server = JobsHttpServer.builder(engine).host(host).port(0).dataPort(0).handlerThreads(handlerThreads)
                .build().start();
    }

    @Override
    public int port() {
        return server.dataPort();
    }

    @Override
    public void close() {
        server.close();
    }
}
