package org.flexsi.payment.batchdebit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.flexsi.contracts.Money;

/**
 * Makes one bank's debit batch in set-based SQL on the caller's connection (and so in its transaction):
 * one PAYING order per open assessment of a contributor with a debit agreement at that bank, then the
 * file streamed from a cursor. Plain JDBC on purpose: a million rows go through without an ORM session,
 * and the benchmark harness runs exactly this code. The file is a function of the database (lines in
 * order id order, the batch's own timestamp), so any instance can write it again byte for byte.
 */
public final class DebitBatchRunner {
    private static final int FETCH = 10_000;

    private DebitBatchRunner() {
    }

    public record Batch(UUID batchId, Path file, DebitFileWriter.Summary summary) {
    }

    /**
     * How a stored agreement column ({@code debit_agreement.account_number}, {@code .account_name}) reads in plain
     * text: the service passes its {@code FieldCipher}; the file a bank gets holds the real account.
     */
    @FunctionalInterface
    public interface Plain {
        String of(String column, String stored);
    }

    /** Values as stored: right for plain text (rows from before encryption, a benchmark without keys). */
    public static final Plain AS_STORED = (column, stored) -> stored;

    public static final String ACCOUNT_NUMBER = "debit_agreement.account_number";
    public static final String ACCOUNT_NAME = "debit_agreement.account_name";

    public static Batch run(Connection connection, String bankId, String month, Path directory) throws SQLException {
        return run(connection, bankId, month, directory, Instant.now());
    }

    /**
     * The batch of {@code month} made at {@code madeAt}: one order per open assessment of an agreement holder at the bank
     * whose months all fall in {@code month} or before (R19: what is due by that month; an annual assessment that
     * reaches into later months is not debited early).
     */
    public static Batch run(Connection connection, String bankId, String month, Path directory, Instant madeAt)
            throws SQLException {
        return run(connection, bankId, month, directory, madeAt, AS_STORED);
    }

    /** As above, the agreements' encrypted columns read through {@code plain}. */
    public static Batch run(Connection connection, String bankId, String month, Path directory, Instant madeAt, Plain plain)
            throws SQLException {
        UUID batchId = UUID.randomUUID();
        // as precise as the database keeps it: a file written again from the batch record has the same header
        Instant now = madeAt.truncatedTo(ChronoUnit.MICROS);
        try (PreparedStatement orders = connection.prepareStatement(
                // the live orders are read once into a hashed set: probing payment per row while this very statement
                // fills it made the insert quadratic
                "with live as materialized (select assessment_serial from payment where status = 'PAYING'"
                        + " and channel <> 'BANK_COUNTER')"
                        + " insert into payment (id, assessment_serial, person_id, payer_id, region, channel, bank_id, status, amount,"
                        + " lines, created_at, expires_at, debit_batch_id, updated_at)"
                        + " select gen_random_uuid(), a.serial_number, a.person_id, a.person_id, a.region, 'BANK_DEBIT', d.bank_id,"
                        + " 'PAYING', a.total, a.lines, ?, a.expires_at, ?, ?"
                        + " from assessment a join debit_agreement d on d.person_id = a.person_id"
                        + " where d.bank_id = ? and a.state = 'OPEN' and a.expires_at > ?"
                        + " and a.serial_number not in (select assessment_serial from live)"
                        + " and not exists (select 1 from jsonb_array_elements(a.lines) l,"
                        + " jsonb_array_elements_text(case when jsonb_typeof(l->'months') = 'array' then l->'months'"
                        + " else '[]'::jsonb end) m where m > ?)")) {
            Timestamp at = Timestamp.from(now);
            orders.setTimestamp(1, at);
            orders.setObject(2, batchId);
            orders.setTimestamp(3, at);
            orders.setString(4, bankId);
            orders.setTimestamp(5, at);
            orders.setString(6, month);
            orders.executeUpdate();
        }
        Path file = directory.resolve(bankId + "-" + month + "-" + batchId + ".txt");
        DebitFileWriter.Summary summary = write(connection, new Recorded(batchId, bankId, month, now, file, null), plain);
        try (PreparedStatement batch = connection.prepareStatement("insert into debit_batch (id, bank_id, month, line_count,"
                + " total, checksum, file_name, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            batch.setObject(1, batchId);
            batch.setString(2, bankId);
            batch.setString(3, month);
            batch.setLong(4, summary.count());
            batch.setBigDecimal(5, summary.total());
            batch.setString(6, summary.checksum());
            batch.setString(7, file.getFileName().toString());
            batch.setTimestamp(8, Timestamp.from(now));
            batch.executeUpdate();
        }
        return new Batch(batchId, file, summary);
    }

    /**
     * What a batch record says its file is: enough to write that file again. {@code checksum} is the recorded one,
     * null for a batch being made.
     */
    public record Recorded(UUID batchId, String bankId, String month, Instant createdAt, Path file, String checksum) {
    }

    /** The file written again from the database is not the one its batch recorded. */
    public static final class Differs extends RuntimeException {
        Differs(String message) {
            super(message);
        }
    }

    /**
     * Writes the file of a batch from its orders and their agreements: a partial file of its own first, moved into
     * place whole, and only if it has the recorded checksum (a file that differs is dropped: {@link Differs}). Needs
     * a transaction on {@code connection}: the details stream from a cursor.
     */
    public static DebitFileWriter.Summary write(Connection connection, Recorded batch) throws SQLException {
        return write(connection, batch, AS_STORED);
    }

    /** As above, the agreements' encrypted columns read through {@code plain}. */
    public static DebitFileWriter.Summary write(Connection connection, Recorded batch, Plain plain) throws SQLException {
        Path file = batch.file();
        try {
            Files.createDirectories(file.getParent());
            // a name of its own: two writers of one batch (a bank's fetch and the submitter) never share a partial file
            Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            DebitFileWriter.Summary summary;
            try (OutputStream out = Files.newOutputStream(partial);
                    DebitFileWriter writer = new DebitFileWriter(out, batch.batchId(), batch.bankId(), batch.month(),
                            batch.createdAt())) {
                writeDetails(connection, batch.batchId(), writer, plain);
                summary = writer.finish();
            }
            if (batch.checksum() != null && !batch.checksum().equals(summary.checksum())) {
                Files.delete(partial);
                throw new Differs("the debit file of batch " + batch.batchId() + " written again from the database has "
                        + summary.count() + " lines, total " + Money.text(summary.total()) + ", checksum "
                        + summary.checksum() + ", not the recorded checksum " + batch.checksum()
                        + " (an agreement changed or was withdrawn since)");
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the debit file of " + batch.bankId() + " " + batch.month(), e);
        }
    }

    private static void writeDetails(Connection connection, UUID batchId, DebitFileWriter writer, Plain plain)
            throws SQLException, IOException {
        try (PreparedStatement details = connection.prepareStatement(
                "select p.id, d.account_number, d.account_name, p.amount, p.assessment_serial from payment p"
                        + " join debit_agreement d on d.person_id = p.person_id where p.debit_batch_id = ? order by p.id",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            // a cursor: PostgreSQL streams only inside a transaction with a fetch size
            details.setFetchSize(FETCH);
            details.setObject(1, batchId);
            try (ResultSet rows = details.executeQuery()) {
                while (rows.next()) {
                    writer.detail(rows.getObject(1, UUID.class), plain.of(ACCOUNT_NUMBER, rows.getString(2)),
                            plain.of(ACCOUNT_NAME, rows.getString(3)), rows.getBigDecimal(4), rows.getString(5));
                }
            }
        }
    }
}
