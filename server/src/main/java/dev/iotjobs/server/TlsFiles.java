package dev.iotjobs.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/** The TLS files of {@code --mqtt-ca} and {@code --mqtt-client-keystore}, read with the JDK's own parsers. */
final class TlsFiles {
    private TlsFiles() {
    }

    /**
     * @param pemCa a PEM file of CA certificates, or null
     * @return a trust manager factory over them, or null for the JVM's default trust store
     * @throws StartupFailure if the file cannot be read or holds no certificate
     */
    static TrustManagerFactory trust(Path pemCa) throws StartupFailure {
        if (pemCa == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(pemCa)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new StartupFailure("--mqtt-ca " + pemCa + " holds no PEM certificate", null);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust;
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupFailure("cannot read --mqtt-ca " + pemCa + ": " + StartupFailure.firstLine(e), e);
        }
    }

    /**
     * @param pkcs12 a PKCS#12 file with the client certificate and key, or null
     * @param password its password, or null for none
     * @return a key manager factory over it, or null without a file
     * @throws StartupFailure if the file cannot be read or opened with the password
     */
    static KeyManagerFactory keys(Path pkcs12, String password) throws StartupFailure {
        if (pkcs12 == null) {
            return null;
        }
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            return keys;
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupFailure("cannot read --mqtt-client-keystore " + pkcs12 + ": "
                    + StartupFailure.firstLine(e) + "; check IOTJOBS_MQTT_CLIENT_KEYSTORE_PASSWORD", e);
        }
    }
}
