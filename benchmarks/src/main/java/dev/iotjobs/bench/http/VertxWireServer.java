package dev.iotjobs.bench.http;

import dev.iotjobs.server.wire.JobsWire;
import dev.iotjobs.server.wire.Plane;
import dev.iotjobs.server.wire.WireRequest;
import dev.iotjobs.server.wire.WireResponse;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same {@link JobsWire} over Vert.x core: the body read on the event loop, the engine call on Vert.x's worker
 * pool ({@code executeBlocking}, unordered: one request at a time per HTTP/1.1 connection anyway), the answer
 * written back on the event loop. One server instance per event loop on a shared port, as Vert.x scales a server
 * over cores.
 */
final class VertxWireServer implements WireServer {
    private final Vertx vertx;
    private final int port;

    VertxWireServer(JobsWire wire, String host, int eventLoops, int workerThreads) throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops).setWorkerPoolSize(workerThreads));
        port = freePort();
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setTcpNoDelay(true);
        List<HttpServer> servers = new ArrayList<>();
        for (int i = 0; i < eventLoops; i++) {
            HttpServer server = vertx.createHttpServer(options).requestHandler(request -> handle(wire, request));
            servers.add(server);
            server.listen().await(10, TimeUnit.SECONDS);
        }
    }

    private void handle(JobsWire wire, HttpServerRequest request) {
        request.body().onSuccess(body -> {
            WireRequest wireRequest = wireRequest(request, body.getBytes());
            vertx.executeBlocking(() -> wire.handle(wireRequest, Plane.DATA), false)
                    .onSuccess(answer -> answer(request.response(), answer))
                    .onFailure(failure -> request.response().setStatusCode(500).end());
        });
    }

    private static WireRequest wireRequest(HttpServerRequest request, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach(header ->
                headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue()));
        // path() and query() are as sent, still percent-encoded.
        return new WireRequest(request.method().name(), request.path(), request.query(), headers, body);
    }

    private static void answer(HttpServerResponse response, WireResponse answer) {
        response.setStatusCode(answer.status());
        answer.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(answer.body()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
