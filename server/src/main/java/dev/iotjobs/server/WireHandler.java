package dev.iotjobs.server;

import dev.iotjobs.server.wire.JobsWire;
import dev.iotjobs.server.wire.Plane;
import dev.iotjobs.server.wire.WireRequest;
import dev.iotjobs.server.wire.WireResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each whole HTTP request to {@link JobsWire} (or, for {@code GET /health}, to {@link Health}) and writes its
 * answer back; translates bytes, nothing more.
 */
final class WireHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(WireHandler.class);

    private final JobsWire wire;
    private final Plane listenerPlane;
    private final Executor engineCalls;
    private final PendingWrites writes;
    /** The answer of this connection's previous request: answers go out in the order the requests came. */
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    /**
     * @param wire the wire
     * @param listenerPlane the plane every request of this listener is for, or null to route each request
     * @param engineCalls where engine calls run (they may block on the store; never on Netty's threads)
     * @param writes where answers not yet on the socket are counted, for {@link JobsHttpServer#close}
     */
    WireHandler(JobsWire wire, Plane listenerPlane, Executor engineCalls, PendingWrites writes) {
        this.wire = wire;
        this.listenerPlane = listenerPlane;
        this.engineCalls = engineCalls;
        this.writes = writes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        HttpVersion version = request.protocolVersion();
        if (request.decoderResult().isFailure()) {
            // Netty's reason names the part (a line longer than 4096 bytes, a bad header); never a stack trace.
            Throwable why = request.decoderResult().cause();
            ctx.writeAndFlush(response(wire.refused(400, "request: is not valid HTTP/1.1"
                    + (why == null || why.getMessage() == null ? "" : " (" + why.getMessage() + ")")),
                    HttpVersion.HTTP_1_1))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        WireRequest wireRequest = wireRequest(request);
        Plane plane = listenerPlane != null ? listenerPlane : Plane.of(wireRequest);
        // The health check takes its turn too: answers go out in request order.
        Supplier<WireResponse> handling = Health.isCheck(wireRequest) ? Health::ok
                : () -> wire.handle(wireRequest, plane);
        // HttpServerKeepAliveHandler decides whether the connection stays open after each answer.
        previous = previous
                .thenRunAsync(() -> answer(ctx, handling.get(), version), engineCalls)
                .exceptionally(stopping -> {
                    writes.track(ctx.writeAndFlush(response(wire.unavailable("the server is stopping"), version))
                            .addListener(ChannelFutureListener.CLOSE));
                    return null;
                });
    }

    /**
     * Hands an answer to Netty, counted until it is on the socket: {@link JobsHttpServer#close} waits for the engine
     * calls, then for these writes, before Netty's threads (and with them every connection) stop. Answers of one
     * connection keep their order: each is handed over after the previous one was, and Netty writes in that order.
     */
    private void answer(ChannelHandlerContext ctx, WireResponse answer, HttpVersion version) {
        writes.track(ctx.writeAndFlush(response(answer, version)));
    }

    private static WireRequest wireRequest(FullHttpRequest request) {
        String uri = request.uri();
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            int path = uri.indexOf('/', uri.indexOf("//") + 2);
            uri = path < 0 ? "/" : uri.substring(path);
        }
        int question = uri.indexOf('?');
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        return new WireRequest(request.method().name(), question < 0 ? uri : uri.substring(0, question),
                question < 0 ? null : uri.substring(question + 1), headers, ByteBufUtil.getBytes(request.content()));
    }

    /** A client that hung up or sent garbage at the socket level: nothing to answer, nothing to log loudly. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("closing a connection after {}", cause.toString());
        ctx.close();
    }

    /** @return the answer as a Netty response of the request's HTTP version, with its length */
    static FullHttpResponse response(WireResponse answer, HttpVersion version) {
        FullHttpResponse response = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(answer.status()),
                Unpooled.wrappedBuffer(answer.body()));
        answer.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        return response;
    }
}
