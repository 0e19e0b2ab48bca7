package dev.iotjobs.mqtt;

import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the bridge connects to its broker.
 *
 * @param address the broker
 * @param clientId the bridge's MQTT client id
 * @param username the user name, or null
 * @param password the password, or null
 * @param trust who to trust for {@code ssl://}, or null for the JVM's default trust store
 * @param keys the client certificate for {@code ssl://}, or null
 * @param connectTimeout how long a connection attempt may take
 * @param backoff the waits between reconnect attempts
 */
record LinkSettings(BrokerAddress address, String clientId, String username, byte[] password,
                    TrustManagerFactory trust, KeyManagerFactory keys, Duration connectTimeout, Backoff backoff) {
}
