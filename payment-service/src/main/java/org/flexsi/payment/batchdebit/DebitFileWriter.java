package org.flexsi.payment.batchdebit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.flexsi.contracts.Money;

/**
 * Writes one bank's monthly debit file (R19), streaming, so a million lines never sit in memory:
 * <pre>
 * H|FLEXSI-DEBIT|1|batchId|bankId|yyyy-MM|createdAt
 * D|seq|paymentId|accountNumber|accountName|amount|assessmentSerial     (one per contributor)
 * T|count|total
 * S|sha-256 hex of every byte above this line
 * </pre>
 * UTF-8, '\n' line ends, amounts with two decimals. The bank answers with a {@link DebitResultFile}.
 */
public final class DebitFileWriter implements AutoCloseable {
    public static final String FORMAT = "FLEXSI-DEBIT";

    private final OutputStream out;
    private final MessageDigest digest;
    private final BufferedWriter lines;
    private long count;
    private BigDecimal total = BigDecimal.ZERO;
    private String checksum;

    public record Summary(long count, BigDecimal total, String checksum) {
    }

    public DebitFileWriter(OutputStream out, UUID batchId, String bankId, String month, Instant createdAt) throws IOException {
        this.out = out;
        this.digest = sha256();
        this.lines = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(out, digest),
                StandardCharsets.UTF_8), 1 << 16);
        lines.write("H|" + FORMAT + "|1|" + batchId + "|" + bankId + "|" + month + "|" + createdAt + "\n");
    }

    public void detail(UUID paymentId, String accountNumber, String accountName, BigDecimal amount, String assessmentSerial)
            throws IOException {
        count++;
        total = total.add(amount);
        lines.write("D|");
        lines.write(Long.toString(count));
        lines.write('|');
        lines.write(paymentId.toString());
        lines.write('|');
        lines.write(clean(accountNumber));
        lines.write('|');
        lines.write(clean(accountName));
        lines.write('|');
        lines.write(Money.text(amount));
        lines.write('|');
        lines.write(clean(assessmentSerial));
        lines.write('\n');
    }

    /** Writes trailer and checksum; the summary is what the batch record keeps. */
    public Summary finish() throws IOException {
        lines.write("T|" + count + "|" + Money.text(total) + "\n");
        lines.flush();
        checksum = HexFormat.of().formatHex(digest.digest());
        out.write(("S|" + checksum + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return new Summary(count, total, checksum);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The separator and line ends may not appear inside a field. */
    static String clean(String field) {
        return field.replace('|', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
