package org.flexsi.payment.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * What another session of the service's database sees while the service waits on an outside party: whether a row is
 * locked, and whether a session keeps a transaction open without working in it.
 */
public final class DatabaseSessions {
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private DatabaseSessions() {
    }

    /** Other sessions of this database whose transaction has been waiting on its client for longer than {@code idle}. */
    public static long idleInTransaction(DataSource db, Duration idle) {
        return Fixtures.count(db, "select count(*) from pg_stat_activity where datname = current_database()"
                + " and pid <> pg_backend_pid() and state like 'idle in transaction%'"
                + " and state_change < now() - make_interval(secs => ?)", idle.toMillis() / 1000.0);
    }

    /** Whether {@code lockingSelect} (a {@code select ... for update nowait} of one row) gets its lock at once. */
    public static boolean lockable(DataSource db, String lockingSelect, Object key) {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(lockingSelect)) {
                statement.setObject(1, key);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        throw new IllegalStateException("no row for " + key);
                    }
                    return true;
                }
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
