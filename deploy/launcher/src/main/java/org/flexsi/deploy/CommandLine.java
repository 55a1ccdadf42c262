package org.flexsi.deploy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parsed arguments of {@link StackLauncher}: global options, one command, that command's options. */
record CommandLine(String command, Path root, Path stateDir, Map<String, String> options, Set<String> flags) {
    static final String USAGE = String.join("\n",
            "usage: stack [--root DIR] [--state-dir DIR] COMMAND [OPTIONS]",
            "  up [--services a,b,...] [--no-simulators] [--no-console] [--monitoring] [--brokers 1|3] [--instances N]",
            "     [--tiered-jit]",
            "                                              start the stack in the foreground; Ctrl-C stops it;",
            "                                              --brokers 3: a three-node Kafka cluster (replication 3,",
            "                                              min.insync.replicas 2); --instances N: N instances of",
            "                                              every service behind HAProxy on the usual ports;",
            "                                              --monitoring: Prometheus on 9090 with the alert rules;",
            "                                              --tiered-jit: the services compile with C2 as in",
            "                                              production (slower start, less CPU once warm)",
            "  down                                        stop the stack started in another terminal",
            "  status                                      which processes answer, their pids and memory",
            "  token --role ROLE --sub SUBJECT [--agency ID] [--ttl-minutes N]",
            "                                              print a signed bearer token (roles: contributor, proxy,",
            "                                              bank, agency, ops, auditor); an agency token is bound to",
            "                                              the agency --agency names (default: the subject), e.g.",
            "                                              wuhan-pension, weifang-medical, jinan-tax",
            "  demo                                        publish demonstration catalogues for this year where none",
            "                                              is published, then walk one new person per seed region",
            "                                              from registration to confirmed rights on the running stack",
            "services: " + String.join(", ", StackOptions.SERVICES) + " (default: all)",
            "--root defaults to the current directory, --state-dir to ROOT/deploy/.run");

    /** Options taking a value, and flags, per command. */
    private static final Map<String, Set<String>> VALUE_OPTIONS = Map.of(
            "up", Set.of("--services", "--brokers", "--instances"),
            "down", Set.of(),
            "status", Set.of(),
            "token", Set.of("--role", "--sub", "--agency", "--ttl-minutes"),
            "demo", Set.of());
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "up", Set.of("--no-simulators", "--no-console", "--monitoring", "--tiered-jit"),
            "down", Set.of(),
            "status", Set.of(),
            "token", Set.of(),
            "demo", Set.of());

    /** A wrong command line; the message says what is wrong, the caller prints the usage. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    static CommandLine parse(List<String> args) {
        Path root = null;
        Path stateDir = null;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("--")) {
            String[] option = splitValue(args, i);
            switch (option[0]) {
                case "--root" -> root = Path.of(option[1]);
                case "--state-dir" -> stateDir = Path.of(option[1]);
                default -> throw new UsageException("unknown option " + option[0] + " (before the command)");
            }
            i += option[2] == null ? 2 : 1;
        }
        if (i >= args.size()) {
            throw new UsageException("no command given");
        }
        String command = args.get(i++);
        if (!VALUE_OPTIONS.containsKey(command)) {
            throw new UsageException("unknown command " + command);
        }
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> flags = new LinkedHashSet<>();
        while (i < args.size()) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (FLAGS.get(command).contains(arg)) {
                flags.add(arg);
                i++;
            } else if (VALUE_OPTIONS.get(command).contains(name)) {
                String[] option = splitValue(args, i);
                if (options.put(option[0], option[1]) != null) {
                    throw new UsageException(option[0] + " given twice");
                }
                i += option[2] == null ? 2 : 1;
            } else {
                throw new UsageException("unknown argument " + arg + " for " + command);
            }
        }
        Path resolvedRoot = (root != null ? root : Path.of("")).toAbsolutePath().normalize();
        CommandLine line = new CommandLine(command, resolvedRoot,
                (stateDir != null ? stateDir : resolvedRoot.resolve("deploy/.run")).toAbsolutePath().normalize(),
                options, flags);
        line.validate();
        return line;
    }

    /** name, value, and a non-null third element when the value was attached with '='. */
    private static String[] splitValue(List<String> args, int i) {
        String arg = args.get(i);
        int eq = arg.indexOf('=');
        if (eq > 0) {
            return new String[] {arg.substring(0, eq), arg.substring(eq + 1), "attached"};
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new UsageException(arg + " needs a value");
        }
        return new String[] {arg, args.get(i + 1), null};
    }

    private void validate() {
        if (command.equals("token")) {
            String role = require("--role");
            if (!Stack.ROLES.contains(role)) {
                throw new UsageException("unknown role " + role + "; one of " + String.join(", ", Stack.ROLES));
            }
            if (require("--sub").isBlank()) {
                throw new UsageException("--sub must not be blank");
            }
            ttlMinutes();
        }
        if (command.equals("up")) {
            services();
            brokers();
            instances();
        }
    }

    private String require(String option) {
        String value = options.get(option);
        if (value == null) {
            throw new UsageException(command + " needs " + option);
        }
        return value;
    }

    int ttlMinutes() {
        String text = options.getOrDefault("--ttl-minutes", "60");
        try {
            int minutes = Integer.parseInt(text);
            if (minutes > 0) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--ttl-minutes must be a positive whole number, not " + text);
    }

    /** Kafka nodes for {@code up}: 1 (default) or 3. */
    int brokers() {
        int brokers = count("--brokers", 1);
        if (brokers != 1 && brokers != 3) {
            throw new UsageException("--brokers must be 1 or 3, not " + brokers);
        }
        return brokers;
    }

    /** Instances of every service for {@code up}: 1 (default) to 9. */
    int instances() {
        int instances = count("--instances", 1);
        if (instances < 1 || instances > 9) {
            throw new UsageException("--instances must be between 1 and 9, not " + instances);
        }
        return instances;
    }

    private int count(String option, int otherwise) {
        String text = options.get(option);
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number, not " + text);
        }
    }

    /** The services to start for {@code up}; all of them without --services. */
    Set<String> services() {
        String list = options.get("--services");
        if (list == null) {
            return new LinkedHashSet<>(StackOptions.SERVICES);
        }
        Set<String> names = new HashSet<>();
        if (list.isBlank()) {
            return names; // only PostgreSQL, Kafka and the simulators
        }
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (!StackOptions.SERVICES.contains(trimmed)) {
                throw new UsageException("unknown service " + trimmed + "; known: "
                        + String.join(", ", StackOptions.SERVICES));
            }
            names.add(trimmed);
        }
        return names;
    }
}
