package org.flexsi.platform.retention;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Does autovacuum's work on this service's own tables when the server runs without it (as the local stack's shared
 * server may). Without it nothing ever refreshes the planner's statistics, and a pooled connection keeps the plans
 * it made while its tables were nearly empty: sequential scans, which then read whole tables on every call as they
 * grow (seen: the outbox relay read every outbox row once per batch). Nor does anything reclaim dead rows, so
 * {@link Retention}'s deletes would free no space. A table is analyzed and vacuumed past PostgreSQL's own default
 * thresholds: changed rows above 50 + 10 % of its live rows, dead rows above 50 + 20 %. With autovacuum on, this does
 * nothing.
 */
@ApplicationScoped
public class AutovacuumStandIn {
    private static final long LOCK = 0x0f1e_5e00_0003L;

    private final DataSource dataSource;
    private boolean warned;

    public AutovacuumStandIn(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(every = "${flexsi.autovacuum-stand-in.every:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try (Connection connection = dataSource.getConnection()) {
            if (autovacuumOn(connection)) {
                return;
            }
            if (!warned) {
                warned = true;
                Log.warn("autovacuum is off on this PostgreSQL server: this service analyzes and vacuums its own tables");
            }
            List<String> done = upkeep(connection);
            if (!done.isEmpty()) {
                Log.debugf("autovacuum stand-in: %s", done);
            }
        } catch (SQLException e) {
            Log.warnf("autovacuum stand-in paused until its next run: %s", e.getMessage());
        }
    }

    /**
     * Analyzes, and vacuums where dead rows call for it, every table of this database past the thresholds; returns
     * what it did ("vacuum analyze t", "analyze t"). One instance of a service at a time; others return nothing.
     */
    public List<String> upkeep(Connection connection) throws SQLException {
        // VACUUM refuses to run inside a transaction
        connection.setAutoCommit(true);
        List<String> done = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            if (!single(statement, "select pg_try_advisory_lock(" + LOCK + ")")) {
                return done;
            }
            try {
                List<String> due = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select case when to_vacuum then 'vacuum (analyze) '"
                        + " else 'analyze ' end || format('%I.%I', schemaname, relname) from (select schemaname, relname,"
                        + " n_dead_tup > 50 + 0.2 * n_live_tup as to_vacuum,"
                        + " n_mod_since_analyze > 50 + 0.1 * n_live_tup as to_analyze from pg_stat_user_tables) tables"
                        + " where to_vacuum or to_analyze order by relname")) {
                    while (rows.next()) {
                        due.add(rows.getString(1));
                    }
                }
                for (String command : due) {
                    statement.execute(command);
                    done.add(command);
                }
            } finally {
                statement.execute("select pg_advisory_unlock(" + LOCK + ")");
            }
        }
        return done;
    }

    private static boolean autovacuumOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return single(statement, "select current_setting('autovacuum')::boolean");
        }
    }

    private static boolean single(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
