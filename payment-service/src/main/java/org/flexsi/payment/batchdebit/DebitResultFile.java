package org.flexsi.payment.batchdebit;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flexsi.contracts.Money;

/**
 * The bank's answer to a debit file:
 * <pre>
 * H|FLEXSI-DEBIT-RESULT|1|batchId|bankId
 * R|seq|paymentId|result|amount|bankTransactionId     (result PAID, INSUFFICIENT_FUNDS, ACCOUNT_CLOSED, ACCOUNT_NOT_FOUND, REFUSED)
 * T|count|paidTotal
 * S|sha-256 hex of every byte above this line
 * </pre>
 * Parsing checks structure, trailer and checksum, so a truncated or altered file books nothing.
 */
public record DebitResultFile(UUID batchId, String bankId, List<Line> lines, String checksum) {
    public static final String FORMAT = "FLEXSI-DEBIT-RESULT";
    public static final Set<String> RESULTS = Set.of("PAID", "INSUFFICIENT_FUNDS", "ACCOUNT_CLOSED", "ACCOUNT_NOT_FOUND", "REFUSED");

    public record Line(long seq, UUID paymentId, String result, BigDecimal amount, String bankTransactionId) {
        public boolean paid() {
            return "PAID".equals(result);
        }
    }

    /** A result file that cannot be booked; {@code line} is 1-based, 0 for the file as a whole. */
    public static final class Invalid extends RuntimeException {
        private final int line;

        Invalid(int line, String message) {
            super(line == 0 ? message : "line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static DebitResultFile parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        int signatureStart = text.lastIndexOf("\nS|");
        if (signatureStart < 0) {
            throw new Invalid(0, "no checksum line");
        }
        String body = text.substring(0, signatureStart + 1);
        String checksum = text.substring(signatureStart + 3).strip();
        String actual = HexFormat.of().formatHex(DebitFileWriter.sha256().digest(body.getBytes(StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII), checksum.getBytes(StandardCharsets.US_ASCII))) {
            throw new Invalid(0, "checksum does not match the content");
        }
        String[] rows = body.split("\n");
        if (rows.length < 2) {
            throw new Invalid(0, "needs a header and a trailer");
        }
        String[] header = rows[0].split("\\|", -1);
        if (header.length != 5 || !"H".equals(header[0]) || !FORMAT.equals(header[1]) || !"1".equals(header[2])) {
            throw new Invalid(1, "header must be H|" + FORMAT + "|1|batchId|bankId");
        }
        UUID batchId = uuid(header[3], 1);
        List<Line> lines = new ArrayList<>(rows.length - 2);
        BigDecimal paidTotal = BigDecimal.ZERO;
        for (int i = 1; i < rows.length - 1; i++) {
            String[] cells = rows[i].split("\\|", -1);
            if (cells.length != 6 || !"R".equals(cells[0])) {
                throw new Invalid(i + 1, "must be R|seq|paymentId|result|amount|bankTransactionId");
            }
            if (!RESULTS.contains(cells[3])) {
                throw new Invalid(i + 1, "result must be one of " + RESULTS);
            }
            BigDecimal amount = Money.parseOrNull(cells[4]);
            if (amount == null) {
                throw new Invalid(i + 1, "amount must be a decimal with two places");
            }
            long seq;
            try {
                seq = Long.parseLong(cells[1]);
            } catch (NumberFormatException e) {
                throw new Invalid(i + 1, "seq must be a number");
            }
            Line line = new Line(seq, uuid(cells[2], i + 1), cells[3], amount, cells[5].isBlank() ? null : cells[5]);
            if (line.paid()) {
                if (line.bankTransactionId() == null) {
                    throw new Invalid(i + 1, "a paid line needs the bank's transaction id");
                }
                paidTotal = paidTotal.add(amount);
            }
            lines.add(line);
        }
        String[] trailer = rows[rows.length - 1].split("\\|", -1);
        if (trailer.length != 3 || !"T".equals(trailer[0])) {
            throw new Invalid(rows.length, "trailer must be T|count|paidTotal");
        }
        if (!Long.toString(lines.size()).equals(trailer[1])) {
            throw new Invalid(rows.length, "trailer count " + trailer[1] + " but the file has " + lines.size() + " lines");
        }
        BigDecimal declared = Money.parseOrNull(trailer[2]);
        if (declared == null || declared.compareTo(paidTotal) != 0) {
            throw new Invalid(rows.length, "trailer paid total " + trailer[2] + " but the paid lines add up to " + Money.text(paidTotal));
        }
        return new DebitResultFile(batchId, header[4], lines, checksum);
    }

    private static UUID uuid(String text, int line) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new Invalid(line, "'" + (text.length() > 40 ? text.substring(0, 40) : text) + "' is not an id");
        }
    }
}
