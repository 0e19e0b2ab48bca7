package dev.iotjobs.server;

import io.netty.channel.ChannelFuture;
import java.util.concurrent.TimeUnit;

/**
 * The answers handed to Netty and not yet on the socket. {@link JobsHttpServer#close} waits for them before it stops
 * Netty's threads, which would otherwise close every connection at once, written or not; counting them keeps that
 * promise without a handler thread waiting for each write (a park and a wake-up per call, most of the server's
 * CPU beyond bare Netty's in the HTTP benchmark).
 */
final class PendingWrites {
    private int pending;

    /** @param write an answer's write, counted until it completes */
    void track(ChannelFuture write) {
        synchronized (this) {
            pending++;
        }
        write.addListener(done -> finished());
    }

    /**
     * Waits until every tracked write has completed, or the time is up.
     *
     * @param timeout how long at most
     * @param unit its unit
     */
    synchronized void awaitNone(long timeout, TimeUnit unit) {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        try {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void finished() {
        pending--;
        if (pending == 0) {
            notifyAll();
        }
    }
}
