package org.flexsi.payment.batchdebit;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.platform.crypto.FieldCipher;

/**
 * A batch's debit file on this instance's disk. The instance that made the batch wrote it there; any other
 * instance (or the maker after losing its disk) writes it again from the database when it needs it, and keeps
 * it only if it is byte for byte the file the batch recorded, so what a bank gets is always what we booked.
 */
@ApplicationScoped
public class DebitFiles {
    private final DataSource dataSource;
    private final PaymentConfig config;
    private final FieldCipher cipher;

    public DebitFiles(DataSource dataSource, PaymentConfig config, FieldCipher cipher) {
        this.cipher = cipher;
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The columns of {@code debit_batch} that say what its file is. */
    public record BatchFile(UUID batchId, String bankId, String month, Instant createdAt, String fileName, String checksum) {
        static final String COLUMNS = "id, bank_id, month, created_at, file_name, checksum";

        static BatchFile of(Object[] row, int first) {
            return new BatchFile((UUID) row[first], (String) row[first + 1], (String) row[first + 2],
                    DebitService.toInstant(row[first + 3]), (String) row[first + 4], (String) row[first + 5]);
        }
    }

    /** The file, written again first if this instance has none. */
    public Path ensure(BatchFile batch) {
        Path file = Path.of(config.debit().directory()).resolve(batch.fileName());
        if (Files.isReadable(file)) {
            return file;
        }
        DebitBatchRunner.Recorded recorded = new DebitBatchRunner.Recorded(batch.batchId(), batch.bankId(), batch.month(),
                batch.createdAt(), file, batch.checksum());
        // a transaction of its own: the lines stream from a cursor, which PostgreSQL keeps only inside one
        DebitFileWriter.Summary summary = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return DebitBatchRunner.write(connection, recorded, cipher::decrypt);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the orders of debit batch " + batch.batchId(), e);
            }
        });
        Log.infof("debit file of batch %s written again from the database: %d lines, as recorded", batch.batchId(),
                summary.count());
        return file;
    }
}
