package dev.iotjobs.bench.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One connection's virtual devices: over its slice of things, in turn, StartNext ({@code PUT
 * /things/{t}/jobs/$next}), then the update of the started execution to SUCCEEDED with its {@code expectedVersion}
 * ({@code POST /things/{t}/jobs/{jobId}}), one request at a time (no pipelining). Runs on its channel's event loop
 * only, so its counters need no synchronization; {@link HttpLoadGenerator} reads them after the connection ended.
 */
final class DeviceLoop extends SimpleChannelInboundHandler<FullHttpResponse> {
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    private final HttpLoadGenerator.Phase phase;
    private final String host;
    private final Map<String, String> headers;
    private final String[] startNextPaths;
    private final String[] executionPathPrefixes;
    private final CountDownLatch ended;
    private int thing;
    private boolean updating;
    private long sentAt;
    private boolean done;

    final LatencyHistogram latencies = new LatencyHistogram();
    final RoundTripTally tally = new RoundTripTally();
    boolean failed;

    DeviceLoop(HttpLoadGenerator.Phase phase, String host, Map<String, String> headers, List<String> things,
               CountDownLatch ended) {
        this.phase = phase;
        this.host = host;
        this.headers = headers;
        this.ended = ended;
        startNextPaths = new String[things.size()];
        executionPathPrefixes = new String[things.size()];
        for (int i = 0; i < things.size(); i++) {
            String prefix = "/things/" + segment(things.get(i)) + "/jobs/";
            startNextPaths[i] = prefix + "$next";
            executionPathPrefixes[i] = prefix;
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        startNext(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) throws IOException {
        long latency = System.nanoTime() - sentAt;
        boolean measuring = phase.measuring();
        boolean ok = response.status().code() / 100 == 2;
        if (measuring) {
            latencies.record(latency);
        }
        if (!ok && tally.totalErrors < 3) {
            System.err.println("load generator: " + (updating ? "update" : "StartNext") + " answered "
                    + response.status() + ": " + response.content().toString(StandardCharsets.UTF_8));
        }
        tally.call(measuring, ok, updating && ok);
        if (updating) {
            updating = false;
            nextThing();
            startNext(ctx);
            return;
        }
        Execution started = ok ? execution(response) : null;
        if (started == null) {
            if (ok) {
                tally.emptyAnswer(measuring);
            }
            nextThing();
            startNext(ctx);
            return;
        }
        // A started execution is always finished, also when the run is stopping, so that no run leaves any
        // IN_PROGRESS behind and the server's counters equal the round trips made.
        updating = true;
        send(ctx, HttpMethod.POST, executionPathPrefixes[thing] + segment(started.jobId),
                ("{\"status\":\"SUCCEEDED\",\"expectedVersion\":" + started.versionNumber + "}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private void startNext(ChannelHandlerContext ctx) {
        if (phase.stopping()) {
            ctx.close();
            return;
        }
        send(ctx, HttpMethod.PUT, startNextPaths[thing], EMPTY_OBJECT);
    }

    private void nextThing() {
        thing = thing + 1 == startNextPaths.length ? 0 : thing + 1;
    }

    private void send(ChannelHandlerContext ctx, HttpMethod method, String path, byte[] body) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path,
                Unpooled.wrappedBuffer(body));
        request.headers()
                .set(HttpHeaderNames.HOST, host)
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.forEach(request.headers()::set);
        sentAt = System.nanoTime();
        ctx.writeAndFlush(request, ctx.voidPromise());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!phase.stopping()) {
            failed = true;
            System.err.println("load generator: a connection failed: " + cause);
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!phase.stopping() && !failed) {
            System.err.println("load generator: the server closed a connection");
            failed = true;
        }
        if (!done) {
            done = true;
            ended.countDown();
        }
    }

    /** The execution a StartNext answer carries, or null for {@code {}}. */
    private static Execution execution(FullHttpResponse response) throws IOException {
        String jobId = null;
        long version = -1;
        try (JsonParser parser = JSON.createParser(ByteBufUtil.getBytes(response.content()))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!member.equals("execution") || value != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "jobId" -> jobId = parser.getText();
                        case "versionNumber" -> version = parser.getLongValue();
                        default -> parser.skipChildren();
                    }
                }
            }
        }
        return jobId == null ? null : new Execution(jobId, version);
    }

    private static String segment(String label) {
        return URLEncoder.encode(label, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private record Execution(String jobId, long versionNumber) {
    }
}
