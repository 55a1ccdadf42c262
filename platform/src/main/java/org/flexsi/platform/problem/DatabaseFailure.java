package org.flexsi.platform.problem;

import jakarta.persistence.LockTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * What a failure says about the database, the one classification for everything that must tell: a request answers
 * 503 while the database is {@link #GONE}; the inbox waits for it however long, retries a {@link #TRANSIENT} failure a
 * few times, and treats anything else as the record's own fault.
 */
public enum DatabaseFailure {
    /** The database went away or refuses connections: a dependency down, not the work's fault. */
    GONE,
    /** A lost connection, a lock not granted in time, a deadlock: the same work may well succeed at once. */
    TRANSIENT,
    /** Not a database failure that waiting cures. */
    OTHER;

    public static DatabaseFailure of(Throwable failure) {
        boolean transientSeen = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && gone(sql)) {
                return GONE;
            }
            transientSeen |= t instanceof SQLTransientException || t instanceof JDBCConnectionException
                    || t instanceof LockTimeoutException || t instanceof LockAcquisitionException;
        }
        return transientSeen ? TRANSIENT : OTHER;
    }

    /**
     * By the SQLSTATE PostgreSQL gave: class 08 (connection exception), 57P01-57P03 (administrator or crash shutdown,
     * cannot connect now), 53300 (too many connections), and 55000 when a database does not accept connections
     * ({@code ALTER DATABASE ... ALLOW_CONNECTIONS false}), which PostgreSQL reports with that general code.
     */
    private static boolean gone(SQLException e) {
        String state = e.getSQLState();
        if (state == null) {
            return false;
        }
        return state.startsWith("08") || state.startsWith("57P") || state.equals("53300")
                || (state.equals("55000") && String.valueOf(e.getMessage()).contains("not currently accepting connections"));
    }
}
