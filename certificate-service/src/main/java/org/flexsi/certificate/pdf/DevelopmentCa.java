package org.flexsi.certificate.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * For the local stack and tests only: a development CA and a seal certificate it issued, generated on
 * first start into a directory outside the repository and reused afterwards. Production configures a
 * PKCS#12 keystore instead.
 */
public final class DevelopmentCa {
    static final String ALIAS = "seal";
    private static final String KEYSTORE = "dev-seal.p12";
    private static final String PASSWORD_FILE = "dev-seal.password";
    private static final String CA_CERT = "dev-ca.cer";

    private DevelopmentCa() {
    }

    /** The seal key from {@code dir}, generated there first if missing. */
    public static SealKey loadOrCreate(Path dir) throws IOException, GeneralSecurityException {
        Path keystore = dir.resolve(KEYSTORE);
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        if (!Files.exists(keystore) || !Files.exists(passwordFile)) {
            create(dir);
        }
        char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).strip().toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            return SealKey.fromPkcs12(in, password, ALIAS);
        }
    }

    private static void create(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair sealKeys = generator.generateKeyPair();
        X500Name caName = new X500Name("CN=flexsi development CA,OU=development only,O=flexsi,C=CN");
        X500Name sealName = new X500Name("CN=flexsi development tax office seal,OU=development only,O=flexsi,C=CN");
        Instant now = Instant.now();
        X509Certificate ca = issue(caName, caKeys.getPublic(), caName, caKeys.getPrivate(), now, Duration.ofDays(3650), true);
        X509Certificate seal = issue(sealName, sealKeys.getPublic(), caName, caKeys.getPrivate(), now, Duration.ofDays(1825), false);

        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        char[] password = HexFormat.of().formatHex(secret).toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, sealKeys.getPrivate(), password, new Certificate[] {seal, ca});
        Path passwordFile = dir.resolve(PASSWORD_FILE);
        Files.writeString(passwordFile, new String(password), StandardCharsets.US_ASCII);
        restrict(passwordFile);
        try (OutputStream out = Files.newOutputStream(dir.resolve(KEYSTORE), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            store.store(out, password);
        }
        restrict(dir.resolve(KEYSTORE));
        Files.write(dir.resolve(CA_CERT), ca.getEncoded());
    }

    private static X509Certificate issue(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey, Instant from,
            Duration validity, boolean authority) throws GeneralSecurityException {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(96, new SecureRandom()),
                    Date.from(from.minus(Duration.ofDays(1))), Date.from(from.plus(validity)), subject, key);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(Extension.keyUsage, true, authority
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("cannot issue development certificate", e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own protection has to do
        }
    }
}
