package org.flexsi.certificate.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The QR code's page (plain JUnit: the lookup behind it is the JSON check's, tested with it). */
class PublicCertificatePageTest {
    private static PublicCertificate certificate(String status, Instant revokedAt) {
        return new PublicCertificate("3701002026120200000042", status, "张*", "3701**********1234", "山东省济南市",
                "国家税务总局济南市税务局", "1087.1", "壹仟零捌拾柒元壹角", List.of(), Instant.parse("2026-03-01T17:15:01Z"),
                revokedAt, revokedAt == null ? null : "payment reversed");
    }

    @Test
    void aValidCertificateShowsItsNumberChinaDateRegionMaskedNameAndTotalAndNothingMore() {
        String page = PublicCertificatePage.render(certificate("ISSUED", null));
        assertTrue(page.contains("<html lang=\"zh-CN\">"));
        assertTrue(page.contains("id=\"verdict\">有效</p>"), page);
        assertTrue(page.contains("3701002026120200000042"));
        assertTrue(page.contains("2026年3月2日"), "the issue date in China time (17:15 UTC is the next day there)");
        assertTrue(page.contains("山东省济南市"));
        assertTrue(page.contains("张*"));
        assertTrue(page.contains("¥1087.10（壹仟零捌拾柒元壹角）"), "the total to the fen");
        assertFalse(page.contains("3701**********1234"), "no ID number, even masked");
        assertFalse(page.contains("税务局"), "no more than the five facts");
    }

    @Test
    void aRevokedCertificateSaysSo() {
        String page = PublicCertificatePage.render(certificate("REVOKED", Instant.parse("2026-04-01T01:00:00Z")));
        assertTrue(page.contains("id=\"verdict\">已作废</p>"), page);
        assertTrue(page.contains("2026年4月1日"));
        assertFalse(page.contains("payment reversed"), "the internal reason is not shown");
    }

    @Test
    void anUnknownNumberIsEscapedAndSaidToBeUnknown() {
        String page = PublicCertificatePage.unknown("<script>alert(1)</script>");
        assertTrue(page.contains("无法核验"));
        assertFalse(page.contains("<script>"));
        assertTrue(page.contains("&lt;script&gt;"));
    }

    @Test
    void everyPageOffersThePdfUploadAsAPlainMultipartForm() {
        for (String page : List.of(PublicCertificatePage.render(certificate("ISSUED", null)), PublicCertificatePage.unknown("1"),
                PublicCertificatePage.verdict(new VerificationResult(VerificationResult.Verdict.UNKNOWN, null, "x", null)))) {
            assertTrue(page.contains("<form method=\"post\" action=\"/api/v1/certificates/verify\" enctype=\"multipart/form-data\">"), page);
            assertTrue(page.contains("<label for=\"pdf\">") && page.contains("type=\"file\" id=\"pdf\" name=\"pdf\""), page);
            assertFalse(page.contains("<script"), "no script needed");
        }
    }

    @Test
    void anUploadedFileIsAnsweredWithItsVerdictAndOnlyAnIntactOneWithTheFacts() {
        String valid = PublicCertificatePage.verdict(new VerificationResult(VerificationResult.Verdict.VALID,
                "3701002026120200000042", "as issued", certificate("ISSUED", null)));
        assertTrue(valid.contains("data-result=\"VALID\" id=\"verdict\">有效</p>") && valid.contains("¥1087.10"), valid);
        String modified = PublicCertificatePage.verdict(new VerificationResult(VerificationResult.Verdict.MODIFIED,
                "3701002026120200000042", "the file was changed", null));
        assertTrue(modified.contains("data-result=\"MODIFIED\" id=\"verdict\">已被修改</p>"), modified);
        assertTrue(modified.contains("3701002026120200000042") && !modified.contains("<dl>"), "no facts for a changed file");
        String revoked = PublicCertificatePage.verdict(new VerificationResult(VerificationResult.Verdict.REVOKED,
                "3701002026120200000042", "revoked", certificate("REVOKED", Instant.parse("2026-04-01T01:00:00Z"))));
        assertTrue(revoked.contains(">已作废</p>") && revoked.contains("2026年4月1日"), revoked);
        assertTrue(PublicCertificatePage.verdict(new VerificationResult(VerificationResult.Verdict.UNKNOWN, null, "x", null))
                .contains(">无法核验</p>"));
    }
}
