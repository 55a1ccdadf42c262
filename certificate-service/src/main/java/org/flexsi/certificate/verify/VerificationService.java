package org.flexsi.certificate.verify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.flexsi.certificate.config.CertificateConfig;
import org.flexsi.certificate.issue.Certificate;
import org.flexsi.certificate.issue.CertificateDocuments;
import org.flexsi.certificate.issue.CertificateService;
import org.flexsi.certificate.pdf.CertificateFiles;
import org.flexsi.certificate.pdf.ChineseAmount;
import org.flexsi.certificate.pdf.SignatureCheck;
import org.flexsi.certificate.person.Person;
import org.flexsi.certificate.record.LineView;
import org.flexsi.certificate.record.PaymentRecord;
import org.flexsi.certificate.verify.VerificationResult.Verdict;
import org.flexsi.contracts.Money;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.time.BusinessTime;

/** Public verification: by number and code, or of an uploaded PDF (valid / modified / unknown / revoked). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class VerificationService {
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final CodeAttempts attempts;
    private final UploadAllowance uploads;
    private final CertificateDocuments documents;
    private final CertificateFiles files;
    private final CertificateConfig config;

    public VerificationService(CodeAttempts attempts, UploadAllowance uploads, CertificateDocuments documents, CertificateFiles files,
            CertificateConfig config) {
        this.attempts = attempts;
        this.uploads = uploads;
        this.documents = documents;
        this.files = files;
        this.config = config;
    }

    /**
     * The same 404 for an unknown number and a wrong code, so neither can be probed. The right code always verifies;
     * wrong guesses are slowed down ({@link CodeAttempts}): while a number or client must wait, a wrong guess is 429.
     */
    public PublicCertificate byCode(String number, String code, String client) {
        Certificate certificate = number == null ? null : Certificate.findById(number);
        if (certificate != null && code != null && MessageDigest.isEqual(
                certificate.verificationCode.getBytes(StandardCharsets.US_ASCII), code.strip().toUpperCase().getBytes(StandardCharsets.US_ASCII))) {
            return publicView(certificate);
        }
        long wait = attempts.waitSeconds(number, client);
        if (wait > 0) {
            throw new ProblemException(Problem.of(429, "too-many-attempts", "Too many attempts",
                    "too many wrong verification codes for this certificate or from this client; try again in " + wait
                            + " s (the right code is always accepted)").with("retryAfter", wait));
        }
        attempts.failed(number, client);
        throw ProblemException.notFound("no certificate " + number + " with this verification code");
    }

    /** The verdict on an uploaded PDF; a client over its {@link UploadAllowance} is answered 429 before any parsing. */
    public VerificationResult verifyPdf(byte[] file, String client) {
        long wait = uploads.take(client);
        if (wait > 0) {
            throw new ProblemException(Problem.of(429, "too-many-uploads", "Too many uploads",
                    "too many certificate checks from this client; try again in " + wait + " s").with("retryAfter", wait));
        }
        if (file == null || file.length == 0) {
            throw ProblemException.invalid("body", "upload the certificate PDF as the request body");
        }
        if (file.length > config.maxUploadBytes()) {
            throw new ProblemException(Problem.of(413, "too-large", "Upload too large",
                    "a certificate PDF is at most " + config.maxUploadBytes() + " bytes"));
        }
        if (file.length < PDF_MAGIC.length || !Arrays.equals(file, 0, PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
            throw ProblemException.invalid("body", "this is not a PDF");
        }
        SignatureCheck check;
        try {
            check = SignatureCheck.of(file);
        } catch (IOException e) {
            throw ProblemException.invalid("body", "the PDF cannot be read: " + e.getMessage());
        }
        Certificate certificate = check.claimedNumber().map(n -> Certificate.<Certificate>findById(n)).orElse(null);
        if (certificate == null) {
            return new VerificationResult(Verdict.UNKNOWN, check.claimedNumber().orElse(null),
                    "the file does not name a certificate this office issued", null);
        }
        boolean ourSeal = check.signer().map(s -> s.equals(files.sealKey().certificate())).orElse(false);
        boolean asIssued = certificate.pdfSha256 != null && certificate.pdfSha256.equals(CertificateService.sha256(file));
        if (!check.intact() || !ourSeal || !asIssued) {
            String why = !check.signed() ? "it carries no signature"
                    : !check.signatureValid() ? "its signature does not match its content"
                    : !check.coversWholeFile() ? "content was added after signing"
                    : !ourSeal ? "it was not signed with this office's seal" : "it differs from the certificate as issued";
            return new VerificationResult(Verdict.MODIFIED, certificate.number, "the file was changed: " + why, null);
        }
        if (certificate.status == Certificate.Status.REVOKED) {
            return new VerificationResult(Verdict.REVOKED, certificate.number,
                    "the certificate was revoked: " + certificate.revokeReason, publicView(certificate));
        }
        return new VerificationResult(Verdict.VALID, certificate.number,
                "the file is the certificate as issued, and its signature holds", publicView(certificate));
    }

    private PublicCertificate publicView(Certificate certificate) {
        Person person = Person.findById(certificate.personId);
        List<PublicCertificate.Payment> payments = PaymentRecord.<PaymentRecord>list("paymentId in ?1", certificate.paymentIds)
                .stream().sorted(Comparator.comparing((PaymentRecord p) -> p.paidAt))
                .map(p -> new PublicCertificate.Payment(p.paymentId, BusinessTime.dateOf(p.paidAt),
                        p.lines().stream().map(LineView::of).toList(), p.refundedLines().stream().map(LineView::of).toList(),
                        Money.text(p.netTotal())))
                .toList();
        return new PublicCertificate(certificate.number, certificate.status.name(), person == null ? null : maskName(person.name),
                person == null ? null : person.maskedIdNumber, documents.regionName(certificate.region),
                documents.taxOffice(certificate.region), Money.text(certificate.total), ChineseAmount.capital(certificate.total),
                payments, certificate.issuedAt, certificate.revokedAt, certificate.revokeReason);
    }

    static String maskName(String name) {
        int[] codePoints = name.codePoints().toArray();
        return codePoints.length == 0 ? "" : new String(codePoints, 0, 1) + "*".repeat(codePoints.length - 1);
    }
}
