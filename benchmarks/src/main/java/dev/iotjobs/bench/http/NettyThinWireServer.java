package dev.iotjobs.bench.http;

import dev.iotjobs.server.wire.JobsWire;
import dev.iotjobs.server.wire.Plane;
import dev.iotjobs.server.wire.WireRequest;
import dev.iotjobs.server.wire.WireResponse;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The same {@link JobsWire} over bare Netty, written as thin as the other libraries' adapters: one event loop per
 * core, the engine call on a fixed pool, the answer handed back to the event loop without waiting for it to be
 * written. Unlike {@code JobsHttpServer} it keeps no order for pipelined requests and does not drain answers on
 * close: it measures Netty itself, beside JobsHttpServer's own threading.
 */
final class NettyThinWireServer implements WireServer {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
            NioIoHandler.newFactory());
    private final ExecutorService engineCalls;
    private final Channel listener;

    NettyThinWireServer(JobsWire wire, String host, int handlerThreads) throws InterruptedException {
        engineCalls = Executors.newFixedThreadPool(handlerThreads);
        ChannelHandler handler = new Handler(wire, engineCalls);
        listener = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(),
                                new HttpObjectAggregator(JobsWire.MAX_BODY_BYTES), handler);
                    }
                })
                .bind(new InetSocketAddress(host, 0)).sync().channel();
    }

    @Override
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        engineCalls.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    @ChannelHandler.Sharable
    private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final JobsWire wire;
        private final ExecutorService engineCalls;

        Handler(JobsWire wire, ExecutorService engineCalls) {
            this.wire = wire;
            this.engineCalls = engineCalls;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String uri = request.uri();
            int question = uri.indexOf('?');
            Map<String, List<String>> headers = new HashMap<>();
            request.headers().forEach(h -> headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                    .add(h.getValue()));
            WireRequest wireRequest = new WireRequest(request.method().name(),
                    question < 0 ? uri : uri.substring(0, question), question < 0 ? null : uri.substring(question + 1),
                    headers, ByteBufUtil.getBytes(request.content()));
            engineCalls.execute(() -> ctx.writeAndFlush(response(wire.handle(wireRequest, Plane.DATA))));
        }

        private static FullHttpResponse response(WireResponse answer) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
            answer.headers().forEach((name, value) -> response.headers().set(name, value));
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
            return response;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
