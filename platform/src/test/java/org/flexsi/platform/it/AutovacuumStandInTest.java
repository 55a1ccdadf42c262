package org.flexsi.platform.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flexsi.platform.retention.AutovacuumStandIn;
import org.junit.jupiter.api.Test;

/** A table past autovacuum's thresholds is analyzed and vacuumed; one that is not, is left alone. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class AutovacuumStandInTest {
    @Inject
    AutovacuumStandIn standIn;
    @Inject
    DataSource dataSource;

    @Test
    void aTableWithManyChangesIsAnalyzedAndOneWithManyDeadRowsVacuumed() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // on a server with autovacuum on, it must not get there first
            sql.execute("create table if not exists upkeep_probe (id bigint primary key, note text) with (autovacuum_enabled = false)");
            sql.execute("create table if not exists upkeep_quiet (id bigint primary key) with (autovacuum_enabled = false)");
            sql.execute("truncate upkeep_probe, upkeep_quiet");
            sql.execute("insert into upkeep_quiet values (1)");
            sql.execute("analyze upkeep_quiet");
            sql.execute("insert into upkeep_probe select n, 'x' from generate_series(1, 1000) n");
            sql.execute("delete from upkeep_probe where id <= 600");

            // a backend reports its counts to the statistics within about a second
            List<String> done = new ArrayList<>();
            await("the probe vacuumed").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                done.addAll(standIn.upkeep(connection));
                return done.contains("vacuum (analyze) public.upkeep_probe");
            });

            assertTrue(done.contains("vacuum (analyze) public.upkeep_probe"), done.toString());
            assertTrue(done.stream().noneMatch(command -> command.endsWith("upkeep_quiet")), done.toString());
            assertEquals(400, single(sql, "select reltuples::bigint from pg_class where relname = 'upkeep_probe'"),
                    "the planner sees the table as it is");
            assertTrue(standIn.upkeep(connection).stream().noneMatch(command -> command.endsWith("upkeep_probe")),
                    "done once, not again on the next run");
        }
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
