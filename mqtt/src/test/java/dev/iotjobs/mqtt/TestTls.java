package dev.iotjobs.mqtt;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test certificates of {@code src/test/resources/tls} (see its README.txt: a test CA, the broker's key store,
 * device certificates whose CN is the thing name, the bridge's), and TLS clients made from them.
 */
final class TestTls {
    /** The password of every key store there. */
    static final String PASSWORD = "iotjobs-test";

    private TestTls() {
    }

    /** @return the file {@code name} of the test certificates, e.g. {@code ca.pem} */
    static Path file(String name) {
        URL url = TestTls.class.getResource("/tls/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test certificate file tls/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return {@code file(name)} as a string, as the device SDK takes its paths */
    static String path(String name) {
        return file(name).toString();
    }

    /** @return the broker's key and chain (broker.p12) */
    static KeyManagerFactory brokerKeys() {
        return keys("broker.p12");
    }

    /** @return the keys of a PKCS#12 file there */
    static KeyManagerFactory keys(String p12) {
        try (InputStream in = Files.newInputStream(file(p12))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return trust in the CA of a PEM file there (ca.pem, other-ca.pem) */
    static TrustManagerFactory trust(String caPem) {
        try (InputStream in = Files.newInputStream(file(caPem))) {
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A HiveMQ MQTT 3.1.1 client over TLS, not connected: trusting ca.pem, with the client certificate of
     * {@code clientP12} (null: none).
     */
    static Mqtt3BlockingClient client(String clientId, String host, int tlsPort, String clientP12) {
        return Mqtt3Client.builder().identifier(clientId).serverHost(host).serverPort(tlsPort)
                .sslConfig().trustManagerFactory(trust("ca.pem"))
                .keyManagerFactory(clientP12 == null ? null : keys(clientP12)).applySslConfig()
                .buildBlocking();
    }
}
