package org.flexsi.systemtests.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flexsi.deploy.Stack;
import org.flexsi.deploy.StackOptions;
import org.flexsi.deploy.client.Http;
import org.flexsi.deploy.demo.Demo;
import org.flexsi.platform.time.BusinessTime;

/**
 * Issue 23: the stack as real processes on its own ports and databases, continuous mixed traffic, and faults
 * injected one after another while it runs; then the audit and the table. {@link #run} returns the outcome;
 * {@code ChaosIT} runs the short campaign in {@code ./mvnw verify}, {@code system-tests/chaos --minutes N} the full one.
 */
public final class Campaign {
    static final String POISON_KEY = "chaos-poison-";
    /** Persons whose records the agency rejects in its burst. */
    private static final int BURST = 3;
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(BusinessTime.ZONE);
    private static final List<String> TOPICS = List.of("flexsi.registration", "flexsi.assessment", "flexsi.payment",
            "flexsi.certificate", "flexsi.rights", "flexsi.calendar");

    /** One fault: what it does, and how it is undone. */
    record Fault(String name, Runnable inject, Runnable heal) {
    }

    /** When a fault was in force. */
    record Window(Fault fault, Instant injected, Instant healed, int inFlight) {
    }

    /** The campaign's outcome: P payments (money taken), L lost, D doubled, F faults; and what else it found. */
    public record Outcome(int payments, int lost, int doubled, int faults, List<String> findings, List<String> walksAmiss) {
        public String lastLine() {
            return "chaos: %d payments, %d lost, %d doubled, %d faults injected".formatted(payments, lost, doubled, faults);
        }

        /** The last line and each walk lost or doubled: what a failed assertion shows where only it is kept. */
        public String summary() {
            return String.join("\n", Stream.concat(Stream.of(lastLine()), walksAmiss.stream()).toList());
        }
    }

    /** Where the campaign's own PostgreSQL server listens (when the machine can make one). */
    private static final int POSTGRES_PORT = 25432;

    private final Stack stack;
    /** The campaign's own PostgreSQL server, which it may crash; empty where the shared server is used. */
    private final Optional<OwnedPostgres> database;
    private final Duration hold;
    private final Duration pause;
    /** The traffic under way, which some faults make misbehave. */
    private Traffic traffic;
    /** What went wrong while a fault was injected (not about one walk). */
    private final List<String> faultFindings = new CopyOnWriteArrayList<>();
    /** Rejected rights records operations sent again. */
    private final AtomicInteger resent = new AtomicInteger();
    /** How far the campaign has moved the services' clocks ahead of real time (they only move forward). */
    private Duration clocksAhead = Duration.ZERO;

    private Campaign(Stack stack, Optional<OwnedPostgres> database, Duration hold, Duration pause) {
        this.stack = stack;
        this.database = database;
        this.hold = hold;
        this.pause = pause;
    }

    /**
     * @param full the whole list of faults (each service killed); otherwise the short list (payment and
     *             rights-sync killed, every other kind of fault once)
     * @param minutes how long the faults are spread over
     * @param brokers Kafka brokers, 1 or 3 (then one of them is also down for a minute)
     */
    public static Outcome run(Path root, boolean full, int minutes, int brokers) {
        Optional<OwnedPostgres> database = OwnedPostgres.start(POSTGRES_PORT);
        try {
            return run(root, full, minutes, brokers, database);
        } finally {
            database.ifPresent(OwnedPostgres::close);
        }
    }

    private static Outcome run(Path root, boolean full, int minutes, int brokers, Optional<OwnedPostgres> database) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        database.ifPresent(server -> {
            environment.put("FLEXSI_DB_HOST", "127.0.0.1");
            environment.put("FLEXSI_DB_PORT", Integer.toString(server.port()));
            environment.put("FLEXSI_DB_USER", "postgres");
            environment.remove("FLEXSI_DB_PASSWORD");
        });
        try (Stack stack = Stack.start(StackOptions.builder(root).environment(environment)
                .stateDir(root.resolve("system-tests/target/chaos-stack"))
                .servicePortBase(28081).simulatorsPort(28090).kafkaPorts(29092, 29093)
                .databasePrefix("flexsi_chaos_").freshDatabases(true).brokers(brokers)
                .startTimeout(Duration.ofMinutes(8))
                // the services' clocks are driven by the campaign (agency down for two working days)
                .extraEnv("FLEXSI_TEST_CLOCK_CONTROL", "true")
                // a lost callback is found by the status check of orders stuck this long (2 min in production)
                .extraEnv("FLEXSI_PAYMENT_ORDERS_STUCK_AFTER", "20s")
                .extraEnv("FLEXSI_PAYMENT_ORDERS_SWEEP_EVERY", "5s")
                .extraEnv("FLEXSI_PAYMENT_REFUNDS_PAYOUT_EVERY", "5s")
                // the month's batch debit is made whatever the day the campaign runs (R19 opens it after the 20th)
                .extraEnv("FLEXSI_PAYMENT_DEBIT_AFTER_DAY_OF_MONTH", "0")
                .extraEnv("FLEXSI_PAYMENT_DEBIT_SUBMIT_EVERY", "5s")
                .build())) {
            // this year's catalogues of the seed regions, and one WeChat payment in each before any fault
            Instant before = Instant.now();
            List<Traffic.Walk> demo = new Demo(stack::url, stack::token, Clock.systemUTC(), System.out).run().stream()
                    .map(w -> new Traffic.Walk(-1, "WECHAT", w.region(), w.personId(), w.paymentId(), w.total(), null, null,
                            before, Instant.now(), null))
                    .toList();
            Campaign campaign = new Campaign(stack, database, Duration.ofSeconds(full ? 30 : 8),
                    Duration.ofSeconds(full ? 20 : 3));
            List<Fault> faults = campaign.faults(full);
            return campaign.run(faults, Duration.ofMinutes(minutes), demo);
        }
    }

    private Outcome run(List<Fault> faults, Duration length, List<Traffic.Walk> before) {
        Instant started = Instant.now();
        List<Window> windows = new ArrayList<>();
        Duration slot = length.dividedBy(faults.size());
        try (Traffic traffic = new Traffic(stack, 3)) {
            this.traffic = traffic;
            Http.sleep(pause.toMillis());
            for (Fault fault : faults) {
                Instant slotEnd = Instant.now().plus(slot);
                int inFlight = traffic.inFlight();
                Instant injected = Instant.now();
                System.out.printf("chaos: %4d s  %-42s injected (%d payments in flight)%n",
                        Duration.between(started, injected).toSeconds(), fault.name(), inFlight);
                fault.inject().run();
                fault.heal().run();
                Instant healed = Instant.now();
                windows.add(new Window(fault, injected, healed, inFlight));
                System.out.printf("chaos: %4d s  %-42s healed%n", Duration.between(started, healed).toSeconds(), fault.name());
                Http.sleep(Math.max(pause.toMillis(), Duration.between(Instant.now(), slotEnd).toMillis()));
            }
            System.out.println("chaos: every fault healed; the traffic stops and the walks under way finish");
        }
        // operations work the rejection list once more: records the agency rejected after the burst was healed
        resendRejected();
        System.out.println("chaos: rejected rights records sent again by operations: " + resent.get());
        if (resent.get() == 0) {
            faultFindings.add("the agency's burst of rejections rejected nothing");
        }
        List<Traffic.Walk> walks = new ArrayList<>(before);
        walks.addAll(traffic.walks());
        Audit audit = new Audit(stack);
        List<Audit.Verdict> verdicts = audit.check(walks);
        Map<String, Integer> poison = audit.deadLetters(POISON_KEY);
        List<String> findings = new ArrayList<>(audit.findings());
        findings.addAll(faultFindings);
        traffic.serverErrors().forEach(e -> findings.add("5xx to a client: " + e));
        traffic.bankMisbehaviourAccepted().forEach(e -> findings.add("a bad bank request was accepted: " + e));
        walks.stream().filter(w -> w.failure() != null).forEach(w -> findings.add("walk " + w.n() + " (" + w.kind()
                + ") did not finish: " + w.failure()));
        if (poison.isEmpty()) {
            findings.add("no poison record reached a dead-letter topic");
        }
        return report(windows, verdicts, poison, findings, traffic);
    }

    private Outcome report(List<Window> windows, List<Audit.Verdict> verdicts, Map<String, Integer> poison,
            List<String> findings, Traffic traffic) {
        System.out.println();
        System.out.printf("%-42s | %-8s | %-19s | %-4s | %-7s | %s%n", "fault", "injected", "payments in flight", "lost",
                "doubled", "time to recover");
        System.out.println("-".repeat(106));
        for (Window w : windows) {
            List<Audit.Verdict> touched = verdicts.stream().filter(v -> overlaps(v.walk(), w)).toList();
            long lost = touched.stream().filter(v -> !v.lost().isEmpty()).count();
            long doubled = touched.stream().filter(v -> !v.doubled().isEmpty()).count();
            String recovery = verdicts.stream().map(Audit.Verdict::walk)
                    .filter(walk -> walk.finishedAt() != null && !walk.startedAt().isBefore(w.healed()))
                    .map(walk -> Duration.between(w.healed(), walk.finishedAt()))
                    .min(Duration::compareTo).map(d -> d.toSeconds() + " s").orElse("no walk after it");
            System.out.printf("%-42s | %8s | %19d | %4d | %7d | %s%n", w.fault().name(),
                    CHINA_TIME.format(w.injected()),
                    Math.max(w.inFlight(), touched.size()), lost, doubled, recovery);
        }
        System.out.println();
        System.out.println("chaos: answers to the clients by status: " + traffic.statuses());
        System.out.println("chaos: poison records on the dead-letter topics, each with its reason: " + poison);
        List<String> amiss = verdicts.stream().filter(v -> !v.lost().isEmpty() || !v.doubled().isEmpty())
                .map(v -> "chaos: walk %d (%s, %s, started %s): lost %s doubled %s".formatted(v.walk().n(), v.walk().kind(),
                        v.walk().paymentId(), CHINA_TIME.format(v.walk().startedAt()), v.lost(), v.doubled()))
                .toList();
        amiss.forEach(System.out::println);
        findings.forEach(f -> System.out.println("chaos: finding: " + f));
        Outcome outcome = new Outcome((int) verdicts.stream().filter(Audit.Verdict::captured).count(),
                (int) verdicts.stream().filter(v -> !v.lost().isEmpty()).count(),
                (int) verdicts.stream().filter(v -> !v.doubled().isEmpty()).count(), windows.size(), List.copyOf(findings), amiss);
        System.out.println(outcome.lastLine());
        return outcome;
    }

    private static boolean overlaps(Traffic.Walk walk, Window w) {
        Instant end = walk.finishedAt() == null ? Instant.MAX : walk.finishedAt();
        return walk.startedAt().isBefore(w.healed()) && end.isAfter(w.injected());
    }

    private List<Fault> faults(boolean full) {
        List<Fault> faults = new ArrayList<>();
        for (String service : full ? StackOptions.SERVICES : List.of("payment", "rights-sync")) {
            faults.add(new Fault("kill -9 " + service + "-service", () -> stack.kill(service), () -> {
                Http.sleep(hold.toMillis() / 3);
                stack.restart(service);
            }));
        }
        String broker = stack.brokerNames().get(0);
        faults.add(new Fault("kill -9 Kafka broker", () -> stack.kill(broker), () -> {
            Http.sleep(hold.toMillis() / 2);
            stack.restart(broker);
        }));
        if (stack.brokerNames().size() == 3) {
            String another = stack.brokerNames().get(1);
            faults.add(new Fault("one of three Kafka brokers down 1 min", () -> stack.kill(another), () -> {
                Http.sleep(Duration.ofMinutes(1).toMillis());
                stack.restart(another);
            }));
        }
        database.ifPresent(server -> faults.add(new Fault("PostgreSQL crashed and restarted", server::crash, () -> {
            Http.sleep(hold.toMillis() / 3);
            server.startServer();
        })));
        faults.add(new Fault("PostgreSQL refuses connections 30 s", () -> allowConnections(false), () -> {
            Http.sleep(30_000);
            allowConnections(true);
        }));
        faults.add(simulatorFault("wechat callbacks duplicated x10", Map.of("target", "wechat", "mode", "duplicate-callbacks")));
        faults.add(simulatorFault("alipay FAILED after SUCCESS", Map.of("target", "alipay", "mode", "failed-after-success")));
        faults.add(simulatorFault("unionpay callbacks lost", Map.of("target", "unionpay", "mode", "drop-callbacks")));
        // the orders' time (30 min) runs out while their callbacks are held: the clocks move past it, the sweeper settles
        // the expired orders by asking the provider, and the callbacks come after
        faults.add(new Fault("wechat callbacks delayed past order expiry", () -> {
            injectSimulatorFault(Map.of("target", "wechat", "mode", "delay-callbacks", "delayMs", hold.plusSeconds(20).toMillis()));
            Http.sleep(hold.toMillis() / 2);
            advanceClocks(Duration.ofMinutes(31));
        }, () -> {
            Http.sleep(hold.toMillis() / 2);
            clearSimulatorFaults();
        }));
        // time only runs forward: the services' clocks stay two working days ahead from here on (real time, which the
        // providers' statements and the signatures use, is not moved)
        faults.add(new Fault("pension agency down 2 working days", () -> {
            injectSimulatorFault(Map.of("target", "pension", "mode", "down"));
            Http.sleep(hold.toMillis());
            traffic.betweenWalks(() -> advanceClocks(twoWorkingDays()));
        }, () -> {
            Http.sleep(hold.toMillis());
            clearSimulatorFaults();
        }));
        faults.add(new Fault("pension agency rejects a burst", () -> traffic.agencyRejects(BURST), () -> {
            // each person's rejection is spent on his first record: the burst is over once the next persons were marked
            // and their records reached the agency
            Predicate<Http.Answer> over = a -> traffic.rejectedPersons() >= BURST && a.status() == 200
                    && !a.raw().contains("\"reject-persons\"");
            Http.Answer left = Http.latest(() -> Http.get(stack.url("simulators") + "/sim/faults", null), over,
                    Instant.now().plus(Duration.ofMinutes(3)), Duration.ofMillis(500));
            if (!over.test(left)) {
                faultFindings.add("the burst of rejections did not play out: " + traffic.rejectedPersons()
                        + " persons marked, faults at the agency " + left);
            }
            clearSimulatorFaults();
            resendRejected();
        }));
        faults.add(simulatorFault("pension agency answers in 5 s", Map.of("target", "pension", "mode", "slow", "delayMs", 5000)));
        faults.add(simulatorFault("bank transfer answered after timeout",
                Map.of("target", Traffic.BANK, "mode", "slow", "delayMs", 7000)));
        faults.add(new Fault("bank result file handed in twice", () -> {
            try {
                String second = traffic.batchDebit(4);
                if (!second.startsWith("200 ") || !second.contains("\"alreadyBooked\":true")) {
                    faultFindings.add("the second hand-in of a booked debit result file was answered " + second);
                }
            } catch (RuntimeException | AssertionError e) {
                faultFindings.add("the batch debit did not finish: " + e.getMessage());
            }
        }, () -> { }));
        faults.add(bankMisbehaviour("bank timestamp 6 minutes off", Traffic.BankMisbehaviour.STALE_TIMESTAMP));
        faults.add(bankMisbehaviour("bank nonce reused", Traffic.BankMisbehaviour.REUSED_NONCE));
        faults.add(new Fault("poison record on each topic", this::poison, () -> Http.sleep(hold.toMillis() / 3)));
        return faults;
    }

    /**
     * What operations do once the cause of a burst of rejections is fixed: every open entry of the rejection work list
     * sent again, until the list has stayed empty for a while (rejections still on their way come in late).
     */
    private void resendRejected() {
        String ops = stack.token("ops", "chaos-operator");
        Instant quietUntil = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(quietUntil)) {
            Http.Answer list = Http.get(stack.url("rights-sync") + "/api/v1/rights/rejected", ops);
            if (list.status() == 200) {
                for (JsonNode record : list.body().path("records")) {
                    if (record.path("resolution").isNull() || record.path("resolution").isMissingNode()) {
                        String id = record.path("recordId").asText();
                        Http.until(() -> Http.post(stack.url("rights-sync") + "/api/v1/rights/rejected/" + id + "/resolution",
                                ops, Map.of("action", "RESEND", "note", "fault campaign: the agency's burst is over"),
                                "resend-" + id), a -> a.status() == 200 || a.status() == 409, Duration.ofMinutes(1),
                                "resend of " + id);
                        resent.incrementAndGet();
                        quietUntil = Instant.now().plusSeconds(15);
                    }
                }
            }
            Http.sleep(1000);
        }
    }

    private Fault simulatorFault(String name, Map<String, Object> fault) {
        return new Fault(name, () -> injectSimulatorFault(fault), () -> {
            Http.sleep(hold.toMillis());
            clearSimulatorFaults();
        });
    }

    private Fault bankMisbehaviour(String name, Traffic.BankMisbehaviour mode) {
        return new Fault(name, () -> traffic.bankMisbehaviour(mode), () -> {
            Http.sleep(hold.toMillis());
            traffic.bankMisbehaviour(Traffic.BankMisbehaviour.NONE);
        });
    }

    private void injectSimulatorFault(Map<String, Object> fault) {
        Http.Answer answer = Http.post(stack.url("simulators") + "/sim/faults", null, fault);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("the simulators refused the fault " + fault + ": " + answer);
        }
    }

    private void clearSimulatorFaults() {
        Http.send("DELETE", stack.url("simulators") + "/sim/faults", null, "{}");
    }

    /** Every service's clock {@code by} further ahead of real time (test-only clock control). */
    private void advanceClocks(Duration by) {
        clocksAhead = clocksAhead.plus(by);
        Instant instant = Instant.now().plus(clocksAhead);
        String ops = stack.token("ops", "chaos-clock");
        for (String service : StackOptions.SERVICES) {
            Http.Answer answer = Http.send("PUT", stack.url(service) + "/q/flexsi/clock", ops,
                    "{\"instant\":\"" + instant + "\"}");
            if (answer.status() != 200) {
                throw new IllegalStateException(service + " did not move its clock: " + answer);
            }
        }
    }

    /** From the services' today, two weekdays on (the bundled holidays aside): two working days of an agency outage. */
    private Duration twoWorkingDays() {
        LocalDate day = BusinessTime.dateOf(Instant.now().plus(clocksAhead));
        int passed = 0;
        long days = 0;
        while (passed < 2) {
            day = day.plusDays(1);
            days++;
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                passed++;
            }
        }
        return Duration.ofDays(days);
    }

    /**
     * Short of a crash, the campaign's databases alone refuse connections (and lose the ones they had) for 30 s, which
     * the services see as a database that went away; this works on the shared server too.
     */
    private void allowConnections(boolean allow) {
        Properties login = new Properties();
        login.setProperty("user", stack.databaseUser());
        if (stack.databasePassword() != null) {
            login.setProperty("password", stack.databasePassword());
        }
        String url = "jdbc:postgresql://" + stack.databaseAddress() + "/postgres";
        try (Connection admin = DriverManager.getConnection(url, login); Statement sql = admin.createStatement()) {
            for (String service : StackOptions.SERVICES) {
                String database = "flexsi_chaos_" + service.replace('-', '_');
                sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allow);
                if (!allow) {
                    sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot switch the campaign's databases", e);
        }
    }

    /** A record no consumer can read (not JSON, no CloudEvents headers) on each topic, by a plain producer. */
    private void poison() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String topic : TOPICS) {
                producer.send(new ProducerRecord<>(topic, POISON_KEY + topic, "{this is not an event"));
            }
            producer.flush();
        }
    }
}
