package org.flexsi.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one benchmark run does. Defaults are sized so that a whole run (setup, pgbench, warm-up, the
 * run at the maximum rate and the run at half of it) takes about five minutes.
 */
record BenchmarkOptions(
        Path stateDir,
        int persons,
        int setupConcurrency,
        int concurrency,
        Duration warmup,
        Duration maxRun,
        OptionalDouble halfRate,
        Duration halfRun,
        Duration drain,
        Duration idle,
        boolean pgbench,
        String pgbenchDatabase,
        int pgbenchScale,
        int pgbenchClients,
        int pgbenchThreads,
        Duration pgbenchRun,
        Optional<Path> profile) {

    static final String USAGE = """
            usage: benchmarks/run [options]
              --state-dir DIR         the stack's state directory: signing key, stack.properties (default deploy/.run)
              --persons N             persons registered and assessed in the setup, one payment each (default 7000)
              --setup-concurrency N   parallel requests while assessing in the setup (default 8)
              --concurrency N         payers paying back to back in the warm-up and maximum-rate runs (default 8)
              --warmup-seconds S      payments at the maximum rate before anything is measured; 0 for none (default 30)
              --max-seconds S         length of the maximum-rate run (default 30)
              --half-rate R           payments/s of the second run (default: half the measured maximum)
              --half-seconds S        length of the half-rate run (default 30)
              --drain-seconds S       how long to wait for outstanding events after each run (default 30)
              --idle-seconds S        the idle stack's CPU is measured this long before the runs; 0 for not (default 60)
              --pgbench-db NAME       pgbench's own database, created and initialised each run (default flexsi_pgbench)
              --pgbench-scale N       pgbench -s (default 1)
              --pgbench-clients N     pgbench -c (default 4)
              --pgbench-threads N     pgbench -j (default 2)
              --pgbench-seconds S     pgbench -T (default 15)
              --no-pgbench            skip pgbench (no TPS ratio is printed)
              --profile DIR           JDK Flight Recorder in every Java process over the maximum-rate run, recordings
                                      in DIR, top frames printed (the recording slows the run: read the shares only)
              --help                  this text
            """;

    private static final List<String> FLAGS = List.of("--no-pgbench", "--help");

    /** Parses {@code --name value} and {@code --name=value}; unknown names and bad numbers are errors. */
    static BenchmarkOptions parse(List<String> args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                given.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (FLAGS.contains(arg)) {
                given.put(arg, "true");
            } else if (i + 1 < args.size()) {
                given.put(arg, args.get(++i));
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        Values values = new Values(given);
        BenchmarkOptions options = new BenchmarkOptions(
                Path.of(values.text("--state-dir", "deploy/.run")),
                values.positive("--persons", 7000),
                values.positive("--setup-concurrency", 8),
                values.positive("--concurrency", 8),
                Duration.ofSeconds(values.atLeastZero("--warmup-seconds", 30)),
                Duration.ofSeconds(values.positive("--max-seconds", 30)),
                values.rate("--half-rate"),
                Duration.ofSeconds(values.positive("--half-seconds", 30)),
                Duration.ofSeconds(values.positive("--drain-seconds", 30)),
                Duration.ofSeconds(values.atLeastZero("--idle-seconds", 60)),
                !given.containsKey("--no-pgbench"),
                values.text("--pgbench-db", "flexsi_pgbench"),
                values.positive("--pgbench-scale", 1),
                values.positive("--pgbench-clients", 4),
                values.positive("--pgbench-threads", 2),
                Duration.ofSeconds(values.positive("--pgbench-seconds", 15)),
                Optional.ofNullable(values.text("--profile", null)).map(Path::of));
        values.rejectUnknown();
        if (!options.pgbenchDatabase.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("--pgbench-db must be a plain lower-case database name: " + options.pgbenchDatabase);
        }
        if (options.pgbenchThreads > options.pgbenchClients) {
            throw new IllegalArgumentException("--pgbench-threads may not exceed --pgbench-clients (pgbench refuses it)");
        }
        return options;
    }

    static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

    /** The options given, consumed one by one so that a misspelt one is reported rather than ignored. */
    private static final class Values {
        private final Map<String, String> given;

        Values(Map<String, String> given) {
            this.given = new LinkedHashMap<>(given);
            this.given.remove("--no-pgbench");
            this.given.remove("--help");
        }

        String text(String name, String fallback) {
            String value = given.remove(name);
            if (value != null && value.isBlank()) {
                throw new IllegalArgumentException(name + " is empty");
            }
            return value == null ? fallback : value;
        }

        int positive(String name, int fallback) {
            return atLeast(name, fallback, 1);
        }

        int atLeastZero(String name, int fallback) {
            return atLeast(name, fallback, 0);
        }

        private int atLeast(String name, int fallback, int least) {
            String value = given.remove(name);
            if (value == null) {
                return fallback;
            }
            try {
                int number = Integer.parseInt(value.trim());
                if (number < least) {
                    throw new IllegalArgumentException(name + " must be at least " + least + ": " + value);
                }
                return number;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is not a whole number: " + value, e);
            }
        }

        OptionalDouble rate(String name) {
            String value = given.remove(name);
            if (value == null) {
                return OptionalDouble.empty();
            }
            try {
                double rate = Double.parseDouble(value.trim());
                if (!(rate > 0) || Double.isInfinite(rate)) {
                    throw new IllegalArgumentException(name + " must be a positive rate: " + value);
                }
                return OptionalDouble.of(rate);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " is not a number: " + value, e);
            }
        }

        void rejectUnknown() {
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown option " + given.keySet().iterator().next());
            }
        }
    }
}
