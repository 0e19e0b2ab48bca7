package dev.iotjobs.bench.http;

import dev.iotjobs.server.wire.JobsWire;
import dev.iotjobs.server.wire.Plane;
import dev.iotjobs.server.wire.WireRequest;
import dev.iotjobs.server.wire.WireResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The same {@link JobsWire} over Jetty 12's core handler API (no servlets): a blocking {@link Handler.Abstract},
 * which Jetty runs on its thread pool rather than on a selector thread, reads the body, calls the engine and writes
 * the answer. Jetty's defaults otherwise (a {@code QueuedThreadPool} of up to 200 threads).
 */
final class JettyWireServer implements WireServer {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    JettyWireServer(JobsWire wire, String host) throws Exception {
        connector.setHost(host);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                ByteBuffer content = Content.Source.asByteBuffer(request);
                byte[] body = new byte[content.remaining()];
                content.get(body);
                WireResponse answer = wire.handle(wireRequest(request, body), Plane.DATA);
                response.setStatus(answer.status());
                answer.headers().forEach(response.getHeaders()::put);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
                response.write(true, ByteBuffer.wrap(answer.body()), callback);
                return true;
            }
        });
        server.start();
    }

    private static WireRequest wireRequest(Request request, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        // getPath() is the path as sent, still percent-encoded.
        return new WireRequest(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                headers, body);
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
