package dev.iotjobs.mqtt;

import java.net.URI;
import java.util.Locale;

/**
 * Where the broker listens: {@code tcp://host:port} (plain, default port 1883) or {@code ssl://host:port} (TLS,
 * default port 8883).
 *
 * @param host the broker's host name or address
 * @param port its port
 * @param tls whether the connection uses TLS
 */
record BrokerAddress(String host, int port, boolean tls) {

    /**
     * @param uri the broker's address
     * @return it, parsed
     * @throws IllegalArgumentException naming what is wrong with it
     */
    static BrokerAddress of(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls;
        if ("tcp".equals(scheme)) {
            tls = false;
        } else if ("ssl".equals(scheme)) {
            tls = true;
        } else {
            throw new IllegalArgumentException("brokerUri must be tcp://HOST:PORT or ssl://HOST:PORT, not " + uri);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("brokerUri must name a host (tcp://HOST:PORT or ssl://HOST:PORT), not "
                    + uri);
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("brokerUri must be only scheme, host and port (credentials go to "
                    + "credentials(...)), not " + uri);
        }
        int port = uri.getPort() < 0 ? (tls ? 8883 : 1883) : uri.getPort();
        if (port == 0) {
            throw new IllegalArgumentException("brokerUri must have a port from 1 to 65535, not " + uri);
        }
        return new BrokerAddress(uri.getHost(), port, tls);
    }

    @Override
    public String toString() {
        return (tls ? "ssl://" : "tcp://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
