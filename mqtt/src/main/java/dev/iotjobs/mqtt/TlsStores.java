package dev.iotjobs.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The files of {@link EmbeddedMqttBroker.Builder#tls(int, Path, char[])} and
 * {@link EmbeddedMqttBroker.Builder#requireClientCertificates(Path)}, read with the JDK's own parsers and factories.
 */
final class TlsStores {
    private TlsStores() {
    }

    /**
     * @param keyStore a PKCS#12 or JKS file (the JDK tells which from its content)
     * @param password the store's password, also its key's
     * @return a key manager factory over its keys
     * @throws IllegalArgumentException naming the file if it cannot be read or opened, or holds no private key
     */
    static KeyManagerFactory keyManagers(Path keyStore, char[] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance(keyStore.toFile(), password);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw unreadable("keyStore", keyStore, e);
        }
        try {
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) {
                hasKey |= store.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new IllegalArgumentException("keyStore " + keyStore + " holds no private key");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            return keys;
        } catch (GeneralSecurityException e) {
            throw unreadable("keyStore", keyStore, e);
        }
    }

    /**
     * @param caPem a PEM file of one or more CA certificates
     * @return a trust manager factory that trusts them (and nothing else)
     * @throws IllegalArgumentException naming the file if it cannot be read or holds no certificate
     */
    static TrustManagerFactory trustManagers(Path caPem) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caPem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw unreadable("caPem", caPem, e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("caPem " + caPem + " holds no PEM certificate");
        }
        try {
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
            throw unreadable("caPem", caPem, e);
        }
    }

    private static IllegalArgumentException unreadable(String parameter, Path file, Exception e) {
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage().strip().lines().findFirst().orElse("");
        if (e instanceof java.nio.file.FileSystemException) {   // its message is only the path
            reason = e.getClass().getSimpleName() + " " + reason;
        }
        return new IllegalArgumentException(parameter + " " + file + " cannot be read: " + reason, e);
    }
}
