package org.flexsi.certificate.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/** The issuing office's signing key and its certificate chain (seal certificate first). */
public record SealKey(PrivateKey privateKey, List<X509Certificate> chain) {
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** Reads a PKCS#12 keystore: the key under {@code alias} (or the first key entry) and its chain. */
    public static SealKey fromPkcs12(InputStream in, char[] password, String alias) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, password);
        String entry = alias;
        if (entry == null) {
            entry = java.util.Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
                    .orElseThrow(() -> new GeneralSecurityException("the keystore holds no private key"));
        }
        PrivateKey key = (PrivateKey) store.getKey(entry, password);
        Certificate[] chain = store.getCertificateChain(entry);
        if (key == null || chain == null) {
            throw new GeneralSecurityException("no private key with a certificate chain under alias " + entry);
        }
        return new SealKey(key, java.util.Arrays.stream(chain).map(c -> (X509Certificate) c).toList());
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

}
