package org.flexsi.certificate.pdf;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.flexsi.certificate.config.CertificateConfig;
import org.flexsi.platform.problem.ProblemException;

/**
 * Renders and signs certificate PDFs with the configured font and seal key. Both are loaded at start-up;
 * a missing font makes the PDF endpoints answer 503 rather than print boxes instead of Chinese.
 */
@ApplicationScoped
@Startup
public class CertificateFiles {
    private final CertificatePdf renderer;
    private final SealKey sealKey;
    private final String fontProblem;

    public CertificateFiles(CertificateConfig config) throws IOException, GeneralSecurityException {
        Path fontPath = Path.of(config.fontPath());
        if (Files.isReadable(fontPath)) {
            renderer = new CertificatePdf(CjkFont.read(fontPath, Math.max(2, Runtime.getRuntime().availableProcessors())));
            fontProblem = null;
        } else {
            renderer = null;
            fontProblem = "the CJK font " + fontPath + " is not installed (Debian package fonts-wqy-microhei,"
                    + " or set flexsi.certificate.font-path)";
            Log.error(fontProblem + "; certificate PDFs cannot be produced");
        }
        sealKey = loadKey(config.signing());
        Log.infof("certificates are signed by %s", sealKey.certificate().getSubjectX500Principal().getName());
    }

    public byte[] signedPdf(CertificateDocument document) {
        if (renderer == null) {
            throw ProblemException.unavailable(fontProblem, 3600);
        }
        return PadesSigner.sign(renderer.render(document), sealKey, "社会保险费完税证明 " + document.number(),
                document.taxOffice());
    }

    /** The certificate genuine certificates are signed with. */
    public SealKey sealKey() {
        return sealKey;
    }

    private static SealKey loadKey(CertificateConfig.Signing signing) throws IOException, GeneralSecurityException {
        if (signing.keystore().isPresent()) {
            char[] password = signing.password().orElse("").toCharArray();
            try (InputStream in = Files.newInputStream(Path.of(signing.keystore().get()))) {
                return SealKey.fromPkcs12(in, password, signing.alias().orElse(null));
            }
        }
        Log.warnf("no signing keystore configured: using the development seal in %s (never in production)", signing.devDir());
        return DevelopmentCa.loadOrCreate(Path.of(signing.devDir()));
    }
}
