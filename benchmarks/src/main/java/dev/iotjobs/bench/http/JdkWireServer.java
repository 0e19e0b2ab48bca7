package dev.iotjobs.bench.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.iotjobs.server.wire.JobsWire;
import dev.iotjobs.server.wire.Plane;
import dev.iotjobs.server.wire.WireRequest;
import dev.iotjobs.server.wire.WireResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The same {@link JobsWire} over the JDK's {@code com.sun.net.httpserver}: its one dispatcher thread selects and
 * parses, every exchange (body read, engine call, answer) runs on a fixed pool of handler threads.
 */
final class JdkWireServer implements WireServer {
    private final HttpServer server;
    private final ExecutorService handlers;

    JdkWireServer(JobsWire wire, String host, int handlerThreads) throws IOException {
        // Without it the JDK server leaves Nagle on, and each small answer waits for the delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(host, 0), 1024);
        handlers = Executors.newFixedThreadPool(handlerThreads);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange, wire.handle(wireRequest(exchange), Plane.DATA));
            }
        });
        server.start();
    }

    private static WireRequest wireRequest(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        return new WireRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
    }

    private static void answer(HttpExchange exchange, WireResponse answer) throws IOException {
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = answer.body();
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
