package org.flexsi.certificate.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.util.Matrix;
import org.flexsi.platform.time.BusinessTime;

/** Lays out a certificate on A4 pages: header, person, lines, totals in figures and capitals, QR code and the red seal. */
public final class CertificatePdf {
    /** Document information key that tells the verifier which certificate a PDF claims to be. */
    public static final String NUMBER_KEY = "CertificateNumber";

    private static final float MARGIN = 42;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float ROW = 17;
    private static final float[] COLUMNS = {MARGIN, 110, 250, 360, 420, 470, WIDTH - MARGIN};
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    private final CjkFont cjkFont;

    public CertificatePdf(CjkFont cjkFont) {
        this.cjkFont = cjkFont;
    }

    /** The unsigned PDF. */
    public byte[] render(CertificateDocument doc) {
        try (PDDocument pdf = new PDDocument(); CjkFont.Loaded loaded = cjkFont.loadInto(pdf)) {
            PDFont font = loaded.font();
            describe(pdf, doc);
            List<CertificateDocument.Row> rows = doc.rows();
            int perFirstPage = 18;
            int perNextPage = 34;
            int index = 0;
            boolean first = true;
            do {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
                    float y = first ? header(out, font, doc) : HEIGHT - MARGIN - 20;
                    if (!first) {
                        text(out, font, 9, MARGIN, y + 6, "证明编号 " + doc.number() + "（续）");
                        y -= 12;
                    }
                    int take = Math.min(rows.size() - index, first ? perFirstPage : perNextPage);
                    y = table(out, font, rows.subList(index, index + take), y);
                    index += take;
                    if (index >= rows.size()) {
                        footer(out, font, doc, y);
                    }
                }
                first = false;
            } while (index < rows.size());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render certificate " + doc.number(), e);
        }
    }

    private static void describe(PDDocument pdf, CertificateDocument doc) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle("中华人民共和国税收完税证明 " + doc.number());
        info.setAuthor(doc.taxOffice());
        info.setSubject("社会保险费缴费证明");
        info.setCreator("flexsi certificate-service");
        info.setCustomMetadataValue(NUMBER_KEY, doc.number());
        Calendar created = Calendar.getInstance(TimeZone.getTimeZone(BusinessTime.ZONE));
        info.setCreationDate(created);
    }

    private static float header(PDPageContentStream out, PDFont font, CertificateDocument doc) throws IOException {
        float y = HEIGHT - MARGIN - 20;
        centered(out, font, 20, y, "中华人民共和国");
        y -= 28;
        centered(out, font, 22, y, "税 收 完 税 证 明");
        y -= 20;
        centered(out, font, 11, y, "（社会保险费）");
        y -= 26;
        text(out, font, 10, MARGIN, y, "证明编号：" + doc.number());
        right(out, font, 10, WIDTH - MARGIN, y, "填发日期：" + DAY.format(doc.issueDate()));
        y -= 16;
        text(out, font, 10, MARGIN, y, "税务机关：" + doc.taxOffice());
        y -= 10;
        line(out, MARGIN, y, WIDTH - MARGIN, y, 1f);
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("纳税人名称", doc.personName());
        fields.put("纳税人识别号", doc.maskedIdNumber());
        fields.put("参保地区", doc.regionName() + (doc.agency() == null || doc.agency().isBlank() ? "" : "  " + doc.agency()));
        if (doc.payer() != null) {
            fields.put("代缴人", doc.payer());
        }
        if (doc.period() != null) {
            fields.put("证明期间", doc.period());
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            y -= 17;
            text(out, font, 10, MARGIN, y, field.getKey() + "：" + field.getValue());
        }
        return y - 14;
    }

    private static float table(PDPageContentStream out, PDFont font, List<CertificateDocument.Row> rows, float top)
            throws IOException {
        String[] titles = {"缴款日期", "险种", "所属期", "缴费基数", "费率", "实缴金额（元）"};
        float y = top;
        line(out, MARGIN, y, WIDTH - MARGIN, y, 0.8f);
        for (int c = 0; c < titles.length; c++) {
            text(out, font, 9, COLUMNS[c] + 3, y - 12, titles[c]);
        }
        y -= ROW;
        line(out, MARGIN, y, WIDTH - MARGIN, y, 0.5f);
        for (CertificateDocument.Row row : rows) {
            String insurance = row.note() == null ? row.insurance() : row.insurance() + "（" + row.note() + "）";
            String[] cells = {row.paidOn().toString(), insurance, row.months(), nullToDash(row.base()), nullToDash(row.rate())};
            for (int c = 0; c < cells.length; c++) {
                text(out, font, 8, COLUMNS[c] + 3, y - 12, fit(font, 8, cells[c], COLUMNS[c + 1] - COLUMNS[c] - 6));
            }
            right(out, font, 8, COLUMNS[6] - 3, y - 12, row.amount().toPlainString());
            y -= ROW;
            line(out, MARGIN, y, WIDTH - MARGIN, y, 0.3f);
        }
        for (float x : COLUMNS) {
            line(out, x, top, x, y, 0.5f);
        }
        return y;
    }

    private static void footer(PDPageContentStream out, PDFont font, CertificateDocument doc, float top) throws IOException {
        float y = top - 20;
        text(out, font, 10, MARGIN, y, "金额合计（小写）：¥" + doc.total().toPlainString());
        y -= 17;
        text(out, font, 10, MARGIN, y, "金额合计（大写）：" + ChineseAmount.capital(doc.total()));
        if (doc.refunded().signum() > 0) {
            y -= 17;
            text(out, font, 10, MARGIN, y, "其中已退付：¥" + doc.refunded().toPlainString() + "（已从合计中扣除）");
        }
        y -= 24;
        text(out, font, 8, MARGIN, y, "本证明为电子完税证明，加盖电子签章，与纸质证明具有同等效力。");
        y -= 13;
        text(out, font, 8, MARGIN, y, "查验方式：扫描二维码，或访问下方网址并输入验证码。");
        y -= 13;
        text(out, font, 8, MARGIN, y, "验证码：" + doc.verificationCode());
        y -= 13;
        text(out, font, 6, MARGIN, y, doc.verificationUrl());

        float qrSize = 86;
        qr(out, doc.verificationUrl(), MARGIN + 300, top - 20 - qrSize, qrSize);
        Seal.draw(out, font, WIDTH - MARGIN - 70, top - 70, 50, doc.taxOffice());
    }

    private static void qr(PDPageContentStream out, String url, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("verification URL does not fit a QR code", e);
        }
        float module = size / matrix.getWidth();
        out.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    out.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        out.fill();
    }

    static void text(PDPageContentStream out, PDFont font, float size, float x, float y, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static void centered(PDPageContentStream out, PDFont font, float size, float y, String text) throws IOException {
        text(out, font, size, (WIDTH - width(font, size, text)) / 2, y, text);
    }

    private static void right(PDPageContentStream out, PDFont font, float size, float x, float y, String text) throws IOException {
        text(out, font, size, x - width(font, size, text), y, text);
    }

    private static void line(PDPageContentStream out, float x1, float y1, float x2, float y2, float lineWidth) throws IOException {
        out.setLineWidth(lineWidth);
        out.moveTo(x1, y1);
        out.lineTo(x2, y2);
        out.stroke();
    }

    private static String fit(PDFont font, float size, String text, float room) throws IOException {
        if (width(font, size, text) <= room) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(font, size, cut + "…") > room) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static String nullToDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }

    /** The seal drawn by the program: red ring, five-pointed star, the office's name on the upper arc. */
    static final class Seal {
        private Seal() {
        }

        static void draw(PDPageContentStream out, PDFont font, float cx, float cy, float r, String office) throws IOException {
            out.saveGraphicsState();
            out.setStrokingColor(0.85f, 0.08f, 0.08f);
            out.setNonStrokingColor(0.85f, 0.08f, 0.08f);
            out.setLineWidth(2.2f);
            circle(out, cx, cy, r);
            out.stroke();
            star(out, cx, cy + 2, r * 0.28f);
            out.fill();
            arcText(out, font, cx, cy, r * 0.78f, 11, office);
            float w = width(font, 8, "征税专用章");
            text(out, font, 8, cx - w / 2, cy - r * 0.55f, "征税专用章");
            out.restoreGraphicsState();
        }

        private static void circle(PDPageContentStream out, float cx, float cy, float r) throws IOException {
            float k = 0.5523f * r;
            out.moveTo(cx + r, cy);
            out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            out.closePath();
        }

        private static void star(PDPageContentStream out, float cx, float cy, float r) throws IOException {
            for (int i = 0; i < 10; i++) {
                double angle = Math.toRadians(90 + i * 36);
                float radius = i % 2 == 0 ? r : r * 0.382f;
                float x = cx + (float) (radius * Math.cos(angle));
                float y = cy + (float) (radius * Math.sin(angle));
                if (i == 0) {
                    out.moveTo(x, y);
                } else {
                    out.lineTo(x, y);
                }
            }
            out.closePath();
        }

        /** Characters spread over the upper 240 degrees, each turned to face outwards. */
        private static void arcText(PDPageContentStream out, PDFont font, float cx, float cy, float r, float size, String text)
                throws IOException {
            int[] codePoints = text.codePoints().toArray();
            double span = Math.min(240, codePoints.length * 24.0);
            double step = codePoints.length > 1 ? span / (codePoints.length - 1) : 0;
            double start = 90 + span / 2;
            for (int i = 0; i < codePoints.length; i++) {
                String ch = new String(codePoints, i, 1);
                double angle = Math.toRadians(start - i * step);
                float x = cx + (float) (r * Math.cos(angle));
                float y = cy + (float) (r * Math.sin(angle));
                Matrix matrix = Matrix.getRotateInstance(angle - Math.PI / 2, x, y);
                matrix.translate(-width(font, size, ch) / 2, -size * 0.35f);
                out.beginText();
                out.setFont(font, size);
                out.setTextMatrix(matrix);
                out.showText(ch);
                out.endText();
            }
        }
    }
}
