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
import java.util.UUID;

/**
 * Makes one bank's debit batch in set-based SQL on the caller's connection (and so in its transaction):
 * one PAYING order per open assessment of a contributor with a debit agreement at that bank, then the
 * file streamed from a cursor. Plain JDBC on purpose: a million rows go through without an ORM session,
 * and the benchmark harness runs exactly this code.
 */
public final class DebitBatchRunner {
    private static final int FETCH = 10_000;

    private DebitBatchRunner() {
    }

    public record Batch(UUID batchId, Path file, DebitFileWriter.Summary summary) {
    }

    public static Batch run(Connection connection, String bankId, String month, Path directory) throws SQLException {
        UUID batchId = UUID.randomUUID();
        Instant now = Instant.now();
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
                        + " and a.serial_number not in (select assessment_serial from live)")) {
            Timestamp at = Timestamp.from(now);
            orders.setTimestamp(1, at);
            orders.setObject(2, batchId);
            orders.setTimestamp(3, at);
            orders.setString(4, bankId);
            orders.setTimestamp(5, at);
            orders.executeUpdate();
        }
        try {
            Files.createDirectories(directory);
            Path partial = directory.resolve(bankId + "-" + month + "-" + batchId + ".part");
            Path file = directory.resolve(bankId + "-" + month + "-" + batchId + ".txt");
            DebitFileWriter.Summary summary;
            try (OutputStream out = Files.newOutputStream(partial);
                    DebitFileWriter writer = new DebitFileWriter(out, batchId, bankId, month, now)) {
                writeDetails(connection, batchId, writer);
                summary = writer.finish();
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the debit file of " + bankId + " " + month, e);
        }
    }

    private static void writeDetails(Connection connection, UUID batchId, DebitFileWriter writer) throws SQLException, IOException {
        try (PreparedStatement details = connection.prepareStatement(
                "select p.id, d.account_number, d.account_name, p.amount, p.assessment_serial from payment p"
                        + " join debit_agreement d on d.person_id = p.person_id where p.debit_batch_id = ?",
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            // a cursor: PostgreSQL streams only inside a transaction with a fetch size
            details.setFetchSize(FETCH);
            details.setObject(1, batchId);
            try (ResultSet rows = details.executeQuery()) {
                while (rows.next()) {
                    writer.detail(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3), rows.getBigDecimal(4),
                            rows.getString(5));
                }
            }
        }
    }
}
