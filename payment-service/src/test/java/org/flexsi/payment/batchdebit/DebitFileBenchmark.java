package org.flexsi.payment.batchdebit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Benchmark harness (not a test): the monthly debit file for N contributors, through the same
 * {@link DebitBatchRunner} the service runs, against a real PostgreSQL. Prints the figures.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(deps) org.flexsi.payment.batchdebit.DebitFileBenchmark \
 *      [contributors=1000000] [jdbc:postgresql://127.0.0.1:5432/] [user=postgres] [password=]
 * </pre>
 * It creates the database {@code flexsi_bench_payment} with the service's own migrations (drop it afterwards).
 */
public final class DebitFileBenchmark {
    private static final String DATABASE = "flexsi_bench_payment";

    private DebitFileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int contributors = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String base = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/";
        String user = args.length > 2 ? args[2] : "postgres";
        String password = args.length > 3 ? args[3] : "";

        try (Connection admin = DriverManager.getConnection(base + "postgres", user, password);
                Statement sql = admin.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        }
        try (Connection db = DriverManager.getConnection(base + DATABASE, user, password)) {
            migrate(db);
            long seedStart = System.nanoTime();
            seed(db, contributors);
            System.out.printf("seeded %,d contributors (assessment + debit agreement) in %.1f s%n", contributors,
                    seconds(seedStart));

            Path directory = Files.createTempDirectory("flexsi-debit-bench");
            db.setAutoCommit(false);
            long start = System.nanoTime();
            DebitBatchRunner.Batch batch = DebitBatchRunner.run(db, "icbc", "2026-11", directory);
            db.commit();
            double elapsed = seconds(start);
            long bytes = Files.size(batch.file());
            System.out.printf("debit batch: %,d lines, total %s, %,d bytes, %.1f s (orders + file + commit), %,.0f lines/s%n",
                    batch.summary().count(), batch.summary().total().toPlainString(), bytes, elapsed,
                    batch.summary().count() / elapsed);
            System.out.printf("goal: 1,000,000 contributors in <= 60 s -> %s%n",
                    contributors >= 1_000_000 && elapsed <= 60 ? "met" : contributors >= 1_000_000 ? "NOT met" : "n/a (smaller run)");

            // the file lost with its instance: another one writes it again from the database, and checks it
            String original = batch.summary().checksum();
            Files.delete(batch.file());
            long rewriteStart = System.nanoTime();
            DebitFileWriter.Summary again = DebitBatchRunner.write(db, new DebitBatchRunner.Recorded(batch.batchId(), "icbc",
                    "2026-11", recordedAt(db, batch), batch.file(), original));
            db.commit();
            System.out.printf("written again from the database: %,d lines, same checksum %s, %.1f s%n", again.count(),
                    again.checksum().equals(original), seconds(rewriteStart));
            Files.delete(batch.file());
            Files.delete(directory);
        }
    }

    private static java.time.Instant recordedAt(Connection db, DebitBatchRunner.Batch batch) throws SQLException {
        try (var query = db.prepareStatement("select created_at from debit_batch where id = ?")) {
            query.setObject(1, batch.batchId());
            try (var row = query.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }

    private static void migrate(Connection db) throws SQLException, IOException {
        for (String script : new String[] { "db/platform/V0_1__platform_outbox_inbox_idempotency.sql", "db/migration/V1__payments.sql",
                "db/migration/V12__assessment_lines_jsonb.sql" }) {
            try (InputStream in = DebitFileBenchmark.class.getClassLoader().getResourceAsStream(script);
                    Statement sql = db.createStatement()) {
                if (in == null) {
                    throw new IllegalStateException("migration " + script + " not on the class path");
                }
                sql.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private static void seed(Connection db, int contributors) throws SQLException {
        String lines = "[{\"insurance\":\"PENSION\",\"months\":[\"2026-11\"],\"base\":\"3980.00\",\"rate\":\"0.20\",\"amount\":\"796.00\"},"
                + "{\"insurance\":\"MEDICAL\",\"months\":[\"2026-11\"],\"base\":\"3980.00\",\"rate\":\"0.06\",\"amount\":\"238.80\"},"
                + "{\"insurance\":\"WORK_INJURY\",\"months\":[\"2026-11\"],\"base\":\"3980.00\",\"rate\":\"0.009\",\"amount\":\"35.82\"}]";
        try (Statement sql = db.createStatement()) {
            sql.execute("insert into assessment (serial_number, assessment_id, person_id, region, lines, total, expires_at, state,"
                    + " updated_at) select 'WF' || g, 'A' || g, 'P' || g, '370700', '" + lines + "', 1070.62,"
                    + " now() + interval '30 days', 'OPEN', now() from generate_series(1, " + contributors + ") g");
            sql.execute("insert into debit_agreement (person_id, bank_id, account_number, account_name, signed_at)"
                    + " select 'P' || g, 'icbc', lpad(g::text, 19, '6222020000000000000'), '缴费人' || g, now()"
                    + " from generate_series(1, " + contributors + ") g");
            sql.execute("analyze");
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
