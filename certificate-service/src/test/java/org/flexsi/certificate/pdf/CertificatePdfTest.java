package org.flexsi.certificate.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders, signs and checks a certificate without Quarkus: text by PDFBox, signature by BouncyCastle. */
class CertificatePdfTest {
    static final Path FONT = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    static CertificatePdf renderer;
    static SealKey key;

    @BeforeAll
    static void setUp(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(FONT), "fonts-wqy-microhei is not installed");
        renderer = new CertificatePdf(CjkFont.read(FONT, 2));
        key = DevelopmentCa.loadOrCreate(dir);
    }

    static CertificateDocument weifang(int payments) {
        List<CertificateDocument.Row> rows = new ArrayList<>();
        for (int i = 0; i < payments; i++) {
            LocalDate paid = LocalDate.of(2023, 1, 10).plusDays(i);
            rows.add(new CertificateDocument.Row(paid, "企业职工基本养老保险费", "2023-01至2023-12", "3980.00", "20%",
                    new BigDecimal("9552.00"), null));
            rows.add(new CertificateDocument.Row(paid, "职工基本医疗保险费", "2023-01至2023-12", "3980.00", "6%",
                    new BigDecimal("2865.60"), null));
            rows.add(new CertificateDocument.Row(paid, "工伤保险费", "2023-01至2023-12", "3980.00", "0.9%",
                    new BigDecimal("429.84"), null));
            rows.add(new CertificateDocument.Row(paid, "大病保险费", "2023", null, null, new BigDecimal("150.00"), null));
            rows.add(new CertificateDocument.Row(paid, "长期护理保险费", "2023-01至2023-12", null, null,
                    new BigDecimal("48.00"), null));
        }
        BigDecimal total = rows.stream().map(CertificateDocument.Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CertificateDocument("3707002023011000000001", "K7M3Q9XP",
                "http://127.0.0.1:8084/api/v1/public/certificates/3707002023011000000001?code=K7M3Q9XP",
                LocalDate.of(2023, 1, 12), "国家税务总局潍坊市税务局", "山东省潍坊市", "张三", "3707**********1234",
                "潍坊市社会保险事业中心", null, null, rows, total, BigDecimal.ZERO.setScale(2));
    }

    @Test
    void printsTheCertificateInChinese() throws IOException {
        String text = text(PadesSigner.sign(renderer.render(weifang(1)), key, "test", "潍坊"));
        assertTrue(text.contains("税收完税证明") || text.contains("税 收 完 税 证 明"), text);
        assertTrue(text.contains("3707002023011000000001"));
        assertTrue(text.contains("张三"));
        assertTrue(text.contains("3707**********1234"));
        assertTrue(text.contains("国家税务总局潍坊市税务局"));
        assertTrue(text.contains("13045.44"), "the seed's Weifang 3980 / 6 % annual total");
        assertTrue(text.contains("壹万叁仟零肆拾伍元肆角肆分"));
        assertTrue(text.contains("K7M3Q9XP"));
        assertFalse(text.contains("420106199001011234"));
    }

    @Test
    void embedsOnlyASubsetOfTheFont() throws IOException {
        byte[] pdf = renderer.render(weifang(1));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFont font = document.getPage(0).getResources().getFont(document.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded());
            assertTrue(font.getName().matches("[A-Z]{6}\\+.*"), "subset fonts carry a tag: " + font.getName());
        }
        assertTrue(pdf.length < 400_000, "a subset, not the 5 MB collection: " + pdf.length);
    }

    @Test
    void manyPaymentsFlowOntoMorePages() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(weifang(12)))) {
            assertEquals(3, document.getNumberOfPages(), "18 rows on the first page, 34 on the next ones");
        }
    }

    @Test
    void theSignatureHoldsAndOneChangedByteBreaksIt() throws IOException {
        byte[] signed = PadesSigner.sign(renderer.render(weifang(1)), key, "test", "潍坊");
        SignatureCheck check = SignatureCheck.of(signed);
        assertTrue(check.intact(), check.toString());
        assertEquals("3707002023011000000001", check.claimedNumber().orElseThrow());
        assertEquals(key.certificate(), check.signer().orElseThrow());

        byte[] changed = signed.clone();
        int at = indexOf(changed, "stream") + 40;
        changed[at] ^= 0x01;
        assertFalse(SignatureCheck.of(changed).intact());
    }

    @Test
    void anAppendedRevisionIsNotCoveredBySignature() throws IOException {
        byte[] signed = PadesSigner.sign(renderer.render(weifang(1)), key, "test", "潍坊");
        byte[] longer = java.util.Arrays.copyOf(signed, signed.length + 10);
        System.arraycopy("\n%comment\n".getBytes(), 0, longer, signed.length, 10);
        SignatureCheck check = SignatureCheck.of(longer);
        assertTrue(check.signatureValid());
        assertFalse(check.coversWholeFile());
        assertFalse(check.intact());
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int indexOf(byte[] bytes, String what) {
        byte[] needle = what.getBytes();
        outer:
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(what + " not found");
    }
}
