package dev.iotjobs.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS files of {@code --mqtt-ca}, {@code --mqtt-client-keystore}, {@code --mqtt-tls-keystore} and
 * {@code --mqtt-tls-client-ca}, read with the JDK's own parsers.
 */
final class TlsFiles {
    private TlsFiles() {
    }

    /**
     * @param pemCa a PEM file of CA certificates, or null
     * @return a trust manager factory over them, or null for the JVM's default trust store
     * @throws StartupFailure if the file cannot be read or holds no certificate
     */
    static TrustManagerFactory trust(Path pemCa) throws StartupFailure {
        return trust(pemCa, "--mqtt-ca");
    }

    /**
     * @param pemCa a PEM file of CA certificates, or null
     * @param option the option that named it, for the message
     * @return a trust manager factory over them, or null for the JVM's default trust store
     * @throws StartupFailure if the file cannot be read or holds no certificate
     */
    static TrustManagerFactory trust(Path pemCa, String option) throws StartupFailure {
        if (pemCa == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(pemCa)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new StartupFailure(option + " " + pemCa + " holds no PEM certificate", null);
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
            throw new StartupFailure("cannot read " + option + " " + pemCa + ": " + StartupFailure.firstLine(e), e);
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

    /**
     * @param keyStore the embedded broker's PKCS#12 or JKS file (the JDK tells which from its content)
     * @param password its password, also its key's, or null for none
     * @return a key manager factory over its key and certificate chain
     * @throws StartupFailure if the file cannot be read, opened with the password, or holds no private key
     */
    static KeyManagerFactory brokerKeys(Path keyStore, String password) throws StartupFailure {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try {
            KeyStore store = KeyStore.getInstance(keyStore.toFile(), secret);
            if (Collections.list(store.aliases()).stream().noneMatch(alias -> isKey(store, alias))) {
                throw new StartupFailure("--mqtt-tls-keystore " + keyStore + " holds no private key (the broker's key "
                        + "and certificate chain)", null);
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            return keys;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // IllegalArgumentException: the file does not exist or is not a file.
            throw new StartupFailure("cannot read --mqtt-tls-keystore " + keyStore + ": "
                    + StartupFailure.firstLine(e) + "; check IOTJOBS_MQTT_TLS_KEYSTORE_PASSWORD", e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (KeyStoreException e) {
            return false;
        }
    }
}
