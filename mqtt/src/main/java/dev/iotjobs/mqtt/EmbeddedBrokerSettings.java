package dev.iotjobs.mqtt;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * What {@link MoquetteServer} starts: an {@link EmbeddedMqttBroker}'s checked settings, in JDK types only.
 *
 * @param host the address both listeners bind
 * @param port the plain TCP port, 0 for a free one, {@link #OFF} for none
 * @param tlsPort the TLS port, 0 for a free one, {@link #OFF} for none
 * @param tlsKeys the broker's key and certificate chain, with a TLS port
 * @param clientCas the CAs a client certificate must be signed by on the TLS port, or null for no client certificate
 * @param username the one account's user name, or null for anonymous clients
 * @param password its password, with a user name
 * @param maxMessageBytes the largest MQTT message a client may send
 */
record EmbeddedBrokerSettings(String host, int port, int tlsPort, KeyManagerFactory tlsKeys,
        TrustManagerFactory clientCas, String username, String password, int maxMessageBytes) {
    /** A listener that is not started. */
    static final int OFF = EmbeddedMqttBroker.NO_PORT;

    EmbeddedBrokerSettings withPorts(int port, int tlsPort) {
        return new EmbeddedBrokerSettings(host, port, tlsPort, tlsKeys, clientCas, username, password,
                maxMessageBytes);
    }
}
