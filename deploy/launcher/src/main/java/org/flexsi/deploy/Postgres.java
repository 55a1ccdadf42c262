package org.flexsi.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server the services use: the one at FLEXSI_DB_HOST:FLEXSI_DB_PORT (127.0.0.1:5432 by
 * default) when something listens there, otherwise an embedded one (zonky) with its data in the state dir.
 */
final class Postgres implements AutoCloseable {
    final String host;
    final int port;
    final String user;
    /** Null when the server trusts local connections. */
    final String password;
    private final EmbeddedPostgres embedded;
    private final Path dataDir;

    private Postgres(String host, int port, String user, String password, EmbeddedPostgres embedded, Path dataDir) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.dataDir = dataDir;
    }

    static Postgres connectOrStart(StackOptions options, StateDir state) {
        Map<String, String> env = options.environment();
        PrintStream out = options.out();
        String host = env.getOrDefault("FLEXSI_DB_HOST", "127.0.0.1");
        String portSetting = env.get("FLEXSI_DB_PORT");
        int port = portSetting == null ? 5432 : Integer.parseInt(portSetting.trim());
        String user = env.getOrDefault("FLEXSI_DB_USER", "postgres");
        String password = env.get("FLEXSI_DB_PASSWORD");
        if (listening(host, port)) {
            Postgres external = new Postgres(host, port, user, password, null, null);
            // a server that answers but refuses us is a configuration error, not a reason to start another one
            try (Connection ignored = external.connect("postgres")) {
                out.printf("%-13s using the PostgreSQL server at %s:%d (user %s)%n", StackOptions.POSTGRES, host,
                        port, user);
            } catch (SQLException e) {
                throw new StackException("PostgreSQL at " + host + ":" + port + " answers but refuses user " + user
                        + " (set FLEXSI_DB_USER / FLEXSI_DB_PASSWORD): " + e.getMessage(), e);
            }
            return external;
        }
        int embeddedPort = portSetting != null ? port : freeLocalPort(5432) ? 5432 : anyFreePort();
        return startEmbedded(state, embeddedPort, out);
    }

    private static Postgres startEmbedded(StateDir state, int port, PrintStream out) {
        requireRunnableAsRoot();
        Path dataDir = state.root().resolve("postgres");
        Path log = state.log(StackOptions.POSTGRES);
        long started = System.nanoTime();
        try {
            Files.createDirectories(log.getParent());
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // the stack stops it itself, after the services that use it
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofMinutes(1))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            out.printf("%-13s no server at the configured address; started embedded PostgreSQL on localhost:%d in "
                            + "%.1f s (data %s)%n", StackOptions.POSTGRES, port,
                    (System.nanoTime() - started) / 1e9, dataDir);
            return new Postgres("localhost", port, "postgres", null, embedded, dataDir);
        } catch (IOException | RuntimeException e) {
            throw new StackException("cannot start embedded PostgreSQL: " + e.getMessage() + "; last lines of " + log
                    + ":\n" + ManagedProcess.tail(log, 20), e);
        }
    }

    /**
     * PostgreSQL refuses to run as root. zonky 2.2.2 copes by running initdb and pg_ctl under
     * {@code unshare -U}, where the server sees itself as uid 65534, but only when user namespaces work;
     * otherwise it would fail with a bare "initdb failed", so say what to do instead.
     */
    private static void requireRunnableAsRoot() {
        if (!isRoot() || unshareWorks()) {
            return;
        }
        throw new StackException("running as root, where PostgreSQL refuses to run, and user namespaces "
                + "(unshare -U) are not available to work around it: run as another user, or start a PostgreSQL "
                + "server and point FLEXSI_DB_HOST/FLEXSI_DB_PORT/FLEXSI_DB_USER/FLEXSI_DB_PASSWORD at it");
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean unshareWorks() {
        try {
            Process p = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !output.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean embedded() {
        return embedded != null;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Pid of the embedded postmaster (first line of postmaster.pid), -1 for an external server. */
    long pid() {
        if (dataDir == null) {
            return -1;
        }
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Creates the missing databases; with {@code fresh}, drops existing ones first. */
    void ensureDatabases(List<String> names, boolean fresh, PrintStream out) {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            for (String name : names) {
                if (fresh) {
                    // a service killed a moment ago may still hold a connection, which blocks DROP DATABASE
                    try (PreparedStatement terminate = connection.prepareStatement(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
                        terminate.setString(1, name);
                        terminate.execute();
                    }
                    statement.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
                }
                if (!exists(connection, name)) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                    out.printf("%-13s created database %s%n", StackOptions.POSTGRES, name);
                }
            }
        } catch (SQLException e) {
            throw new StackException("cannot create the databases on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Least privilege: the service logs in as a role named after its database that is no superuser, may create no
     * database or role, owns the {@code public} schema of its own database and everything in it, and may not even
     * connect to another service's database. Returns false, having changed nothing, when our own user may not create
     * roles (a managed server's restricted account): the services then share that account, as before.
     */
    boolean ensureServiceRole(String database, String password, PrintStream out) {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            if (!mayCreateRoles(admin)) {
                out.printf("%-13s user %s may not create roles: the services share it%n", StackOptions.POSTGRES, user);
                return false;
            }
            String role = quoted(database);
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = " + literal(database)
                    + ") THEN CREATE ROLE " + role + "; END IF; END $$");
            statement.execute("ALTER ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                    + " NOBYPASSRLS PASSWORD " + literal(password));
            statement.execute("REVOKE ALL ON DATABASE " + role + " FROM PUBLIC");
            statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + role + " TO " + role);
            try (Connection own = connect(database); Statement inside = own.createStatement()) {
                inside.execute("ALTER SCHEMA public OWNER TO " + role);
                // tables a stack of an earlier version made as the administrator become the service's
                inside.execute("DO $$ DECLARE o record; BEGIN"
                        + " FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')"
                        + " AND pg_get_userbyid(c.relowner) <> " + literal(database) + " LOOP"
                        + " IF o.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid"
                        + " WHERE s.relname = o.relname AND d.deptype IN ('a', 'i')) THEN CONTINUE; END IF;"
                        + " EXECUTE format('ALTER %s public.%I OWNER TO %I', CASE o.relkind WHEN 'S' THEN 'SEQUENCE'"
                        + " WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, o.relname, "
                        + literal(database) + "); END LOOP;"
                        + " FOR o IN SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                        + " WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> " + literal(database) + " LOOP"
                        + " EXECUTE format('ALTER FUNCTION %s OWNER TO %I', o.sig, " + literal(database) + "); END LOOP; END $$");
            }
            return true;
        } catch (SQLException e) {
            throw new StackException("cannot set up the login role of " + database + ": " + e.getMessage(), e);
        }
    }

    private boolean mayCreateRoles(Connection admin) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement(
                "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user");
                ResultSet rows = query.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static boolean exists(Connection connection, String database) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, database);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    @Override
    public void close() {
        if (embedded == null) {
            return;
        }
        try {
            embedded.close();
        } catch (IOException | RuntimeException e) {
            // pg_ctl stop fails when the server is already down, e.g. after a SIGINT to the whole group
            if (pid() > 0 && ProcessHandle.of(pid()).isPresent()) {
                throw new StackException("cannot stop embedded PostgreSQL: " + e.getMessage(), e);
            }
        }
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean freeLocalPort(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException("no free port for embedded PostgreSQL", e);
        }
    }
}
