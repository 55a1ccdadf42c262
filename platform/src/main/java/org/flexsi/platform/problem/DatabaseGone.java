package org.flexsi.platform.problem;

import java.sql.SQLException;

/** Whether a failure was the database going away (a dependency down), by the SQLSTATE PostgreSQL gave. */
public final class DatabaseGone {
    private DatabaseGone() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && gone(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Class 08 (connection exception), 57P01-57P03 (administrator or crash shutdown, cannot connect now), 53300 (too
     * many connections), and 55000 when a database does not accept connections ({@code ALTER DATABASE ...
     * ALLOW_CONNECTIONS false}), which PostgreSQL reports with that general code.
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
