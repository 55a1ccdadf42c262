package org.flexsi.simulators.bank;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.flexsi.simulators.http.Problem;

/**
 * flexsi's monthly debit file as the bank reads it (format in payment-service's README):
 * {@code H|FLEXSI-DEBIT|1|batchId|bankId|yyyy-MM|createdAt}, {@code D|seq|paymentId|accountNumber|accountName|amount|serial},
 * {@code T|count|total}, {@code S|sha-256 hex of every byte above}. A broken file is a 400 naming the broken part.
 */
record DebitFile(String batchId, String bankId, String month, List<Line> lines, String checksum) {
    private static final Pattern MONEY = Pattern.compile("(0|[1-9][0-9]{0,12})\\.[0-9]{2}");
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

    record Line(long seq, String paymentId, String accountNumber, String accountName, BigDecimal amount) {
    }

    static DebitFile parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        int signatureStart = text.lastIndexOf("\nS|");
        if (signatureStart < 0) {
            throw Problem.badRequest("checksum: no S| line at the end of the file");
        }
        String body = text.substring(0, signatureStart + 1);
        String checksum = text.substring(signatureStart + 3).strip();
        if (!MessageDigest.isEqual(sha256(body).getBytes(StandardCharsets.US_ASCII), checksum.getBytes(StandardCharsets.US_ASCII))) {
            throw Problem.badRequest("checksum: does not match the content above the S| line");
        }
        String[] rows = body.split("\n");
        String[] header = rows[0].split("\\|", -1);
        if (header.length != 7 || !"H".equals(header[0]) || !"FLEXSI-DEBIT".equals(header[1]) || !"1".equals(header[2])
                || header[3].isBlank() || header[4].isBlank() || !MONTH.matcher(header[5]).matches()) {
            throw Problem.badRequest("header: must be H|FLEXSI-DEBIT|1|batchId|bankId|yyyy-MM|createdAt");
        }
        if (rows.length < 2) {
            throw Problem.badRequest("trailer: missing");
        }
        List<Line> lines = new ArrayList<>(rows.length - 2);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 1; i < rows.length - 1; i++) {
            String[] cells = rows[i].split("\\|", -1);
            String where = "line " + (i + 1) + ": ";
            if (cells.length != 7 || !"D".equals(cells[0])) {
                throw Problem.badRequest(where + "must be D|seq|paymentId|accountNumber|accountName|amount|assessmentSerial");
            }
            if (!Long.toString(i).equals(cells[1])) {
                throw Problem.badRequest(where + "seq must be " + i);
            }
            if (cells[2].isBlank() || cells[3].isBlank()) {
                throw Problem.badRequest(where + "paymentId and accountNumber are required");
            }
            if (!MONEY.matcher(cells[5]).matches()) {
                throw Problem.badRequest(where + "amount must be a decimal with two places");
            }
            BigDecimal amount = new BigDecimal(cells[5]);
            total = total.add(amount);
            lines.add(new Line(i, cells[2], cells[3], cells[4], amount));
        }
        String[] trailer = rows[rows.length - 1].split("\\|", -1);
        if (trailer.length != 3 || !"T".equals(trailer[0])) {
            throw Problem.badRequest("trailer: must be T|count|total");
        }
        if (!Integer.toString(lines.size()).equals(trailer[1])) {
            throw Problem.badRequest("trailer: count " + trailer[1] + " but the file has " + lines.size() + " detail lines");
        }
        if (!MONEY.matcher(trailer[2]).matches() || new BigDecimal(trailer[2]).compareTo(total) != 0) {
            throw Problem.badRequest("trailer: total " + trailer[2] + " but the detail lines add up to " + total.toPlainString());
        }
        return new DebitFile(header[3], header[4], header[5], lines, checksum);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
