package dev.iotjobs.server;

import dev.iotjobs.server.wire.JobsWire;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/** Reads each request whole, up to a limit; a bigger body gets an AWS error naming the limit, then the door. */
final class BodyLimit extends HttpObjectAggregator {
    private final JobsWire wire;
    private final int maxBytes;

    BodyLimit(JobsWire wire, int maxBytes) {
        super(maxBytes);
        this.wire = wire;
        this.maxBytes = maxBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        WireHandler.write(ctx, wire.refused(413, "body: must be at most " + maxBytes + " bytes"), false);
    }
}
