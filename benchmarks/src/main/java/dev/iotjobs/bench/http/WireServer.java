package dev.iotjobs.bench.http;

/** An HTTP server under benchmark, listening until closed. */
interface WireServer extends AutoCloseable {
    /** @return the port the data plane is served on */
    int port();

    /** Stops listening and frees the threads. */
    @Override
    void close() throws Exception;
}
