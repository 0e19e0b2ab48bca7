package dev.iotjobs.bench.http;

import dev.iotjobs.server.wire.JobsWire;
import dev.iotjobs.server.wire.Plane;
import dev.iotjobs.server.wire.WireRequest;
import dev.iotjobs.server.wire.WireResponse;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same {@link JobsWire} over Undertow: the body read whole without blocking on the IO thread, then the engine
 * call dispatched to Undertow's worker pool (never on an IO thread), the answer sent from there.
 */
final class UndertowWireServer implements WireServer {
    private final Undertow server;

    UndertowWireServer(JobsWire wire, String host, int workerThreads) {
        server = Undertow.builder()
                .addHttpListener(0, host)
                .setWorkerThreads(workerThreads)
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) JobsWire.MAX_BODY_BYTES)
                .setHandler(exchange -> exchange.getRequestReceiver().receiveFullBytes((received, body) ->
                        received.dispatch(() -> answer(received, wire.handle(request(received, body), Plane.DATA)))))
                .build();
        server.start();
    }

    private static WireRequest request(HttpServerExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString(), new ArrayList<>(values));
        }
        String query = exchange.getQueryString();
        // The request path as sent, still percent-encoded, without a query.
        String uri = exchange.getRequestURI();
        return new WireRequest(exchange.getRequestMethod().toString(), uri, query.isEmpty() ? null : query, headers,
                body);
    }

    private static void answer(HttpServerExchange exchange, WireResponse answer) {
        exchange.setStatusCode(answer.status());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name),
                value));
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_LENGTH, answer.body().length);
        exchange.getResponseSender().send(ByteBuffer.wrap(answer.body()));
    }

    @Override
    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
