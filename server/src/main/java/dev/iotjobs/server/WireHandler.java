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
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Hands each whole HTTP request to {@link JobsWire} and writes its answer back; translates bytes, nothing more. */
final class WireHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final JobsWire wire;
    private final Plane listenerPlane;

    /**
     * @param wire the wire
     * @param listenerPlane the plane every request of this listener is for, or null to route each request
     */
    WireHandler(JobsWire wire, Plane listenerPlane) {
        this.wire = wire;
        this.listenerPlane = listenerPlane;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            write(ctx, wire.refused(400, "request: is not valid HTTP/1.1"), false);
            return;
        }
        String uri = request.uri();
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            int path = uri.indexOf('/', uri.indexOf("//") + 2);
            uri = path < 0 ? "/" : uri.substring(path);
        }
        int question = uri.indexOf('?');
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>()).add(h.getValue()));
        WireRequest wireRequest = new WireRequest(request.method().name(),
                question < 0 ? uri : uri.substring(0, question), question < 0 ? null : uri.substring(question + 1),
                headers, ByteBufUtil.getBytes(request.content()));
        Plane plane = listenerPlane != null ? listenerPlane : Plane.of(wireRequest);
        write(ctx, wire.handle(wireRequest, plane), HttpUtil.isKeepAlive(request));
    }

    /** Writes an answer; closes the connection after it unless the client keeps it alive. */
    static void write(ChannelHandlerContext ctx, WireResponse answer, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        answer.headers().forEach((name, value) -> response.headers().set(name, value));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
