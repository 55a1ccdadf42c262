package org.flexsi.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** pgbench against the stack's PostgreSQL, in a database of its own: the TPS the payment rate is held against. */
final class PgBench {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9]+(?:\\.[0-9]+)?) \\(without initial connection time\\)");
    private static final Pattern ANY_TPS = Pattern.compile("tps = ([0-9]+(?:\\.[0-9]+)?)");

    private final String host;
    private final String port;
    private final String user;

    PgBench(String hostPort, String user) {
        int colon = hostPort.lastIndexOf(':');
        this.host = hostPort.substring(0, colon);
        this.port = hostPort.substring(colon + 1);
        this.user = user;
    }

    /** Creates the database when missing, initialises it afresh and runs the TPC-B-like default script. */
    double run(BenchmarkOptions options) {
        String db = options.pgbenchDatabase();
        String exists = query("postgres", "select 1 from pg_database where datname = '" + db + "'").trim();
        if (exists.isEmpty()) {
            exec(List.of("createdb", "-h", host, "-p", port, "-U", user, db));
        }
        exec(List.of("pgbench", "-h", host, "-p", port, "-U", user, "-i", "-q", "-s", String.valueOf(options.pgbenchScale()), db));
        String output = exec(List.of("pgbench", "-h", host, "-p", port, "-U", user,
                "-c", String.valueOf(options.pgbenchClients()), "-j", String.valueOf(options.pgbenchThreads()),
                "-T", String.valueOf(options.pgbenchRun().toSeconds()), db));
        return tps(output).orElseThrow(() -> new IllegalStateException("no tps in pgbench output:\n" + output));
    }

    static OptionalDouble tps(String output) {
        Matcher m = TPS.matcher(output);
        if (m.find()) {
            return OptionalDouble.of(Double.parseDouble(m.group(1)));
        }
        m = ANY_TPS.matcher(output);
        return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
    }

    /** Runs psql's query on the server and returns its unaligned rows ({@code |} between columns). */
    String query(String database, String sql) {
        return exec(List.of("psql", "-h", host, "-p", port, "-U", user, "-d", database, "-Atc", sql));
    }

    static String exec(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + code + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
