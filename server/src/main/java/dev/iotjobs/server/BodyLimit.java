package dev.iotjobs.server;

import dev.iotjobs.server.wire.JobsWire;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Reads each request whole, up to a limit. A bigger body is answered 413 with an AWS error naming the limit, as
 * Netty would answer it otherwise: the rest of the body is read and dropped so that the client hears the answer, and
 * the connection is kept when the client announced the length and keeps it alive.
 */
final class BodyLimit extends HttpObjectAggregator {
    private final JobsWire wire;
    private final int maxBytes;

    BodyLimit(JobsWire wire, int maxBytes) {
        super(maxBytes);
        this.wire = wire;
        this.maxBytes = maxBytes;
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
        if (answer instanceof HttpResponse response
                && response.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()) {
            return tooLarge(start);
        }
        if (answer instanceof HttpResponse response
                && response.status().code() == HttpResponseStatus.EXPECTATION_FAILED.code()) {
            return WireHandler.response(wire.refused(417, "Expect: only 100-continue is understood, got \""
                    + start.headers().get(HttpHeaderNames.EXPECT) + "\""), start.protocolVersion());
        }
        return answer;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        boolean close = oversized instanceof FullHttpMessage
                || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
        var written = ctx.writeAndFlush(tooLarge(oversized));
        written.addListener(close ? ChannelFutureListener.CLOSE : ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    private Object tooLarge(HttpMessage request) {
        return WireHandler.response(wire.refused(413, "body: must be at most " + maxBytes + " bytes"),
                request.protocolVersion());
    }
}
