package org.flexsi.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.flexsi.deploy.Stack;
import org.flexsi.deploy.StackOptions;
import org.flexsi.deploy.client.Http;
import org.flexsi.deploy.client.ResidentIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, local cluster: three Kafka nodes (replication 3, min.insync.replicas 2) and two instances of every
 * service behind HAProxy, one simulators process (its ledgers are in memory: two would split them). Under
 * continuous payments through the proxy, one instance of each service in turn and one broker are killed with
 * SIGKILL and started again; afterwards every invariant holds, read from the services' APIs and the simulators'
 * ledgers, and both instances of each service did work. Runs with {@code -Pscale} (several minutes on two cores).
 */
class ScaleOutIT {
    private static final Duration EVENTUALLY = Duration.ofSeconds(180);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String JINAN = "370100";
    private static final String AMOUNT = "1000.00";
    private static final AtomicInteger PEOPLE = new AtomicInteger();
    private static Stack stack;

    /** One walk of the load: who paid, and which payment. */
    private record Paid(String personId, String paymentId) {
    }

    @BeforeAll
    static void startCluster() {
        Path root = Path.of(System.getProperty("flexsi.project.root", "..")).toAbsolutePath().normalize();
        long started = System.nanoTime();
        stack = Stack.start(StackOptions.builder(root)
                .stateDir(root.resolve("system-tests/target/scale-stack"))
                .servicePortBase(28081).simulatorsPort(28090).kafkaPorts(29092, 29093)
                .databasePrefix("flexsi_cl_").freshDatabases(true)
                .brokers(3).instances(2)
                .startTimeout(Duration.ofMinutes(10))
                // a killed consumer's partitions go to the survivor after 10 s instead of the default 45 s
                .extraEnv("JAVA_TOOL_OPTIONS", "-Dmp.messaging.connector.smallrye-kafka.session.timeout.ms=10000"
                        + " -Dmp.messaging.connector.smallrye-kafka.heartbeat.interval.ms=2000")
                .build());
        System.out.printf("scale test: cluster of %s up in %d s%n", stack.names(),
                Math.round((System.nanoTime() - started) / 1e9));
        String body = Catalogues.jinan(LocalDate.now(BEIJING).getYear());
        Http.Answer draft = Http.until(() -> Http.post(stack.url("assessment") + "/api/v1/admin/catalogues",
                stack.token("ops", "ops-alice"), body, "scale-catalogue"), a -> a.status() == 201, EVENTUALLY, "catalogue");
        String version = draft.body().path("version").asText();
        Http.until(() -> Http.post(stack.url("assessment") + "/api/v1/admin/catalogues/" + version + "/publish",
                stack.token("ops", "ops-bob"), "{}", "scale-publish"), a -> a.status() == 200, EVENTUALLY, "publication");
    }

    @AfterAll
    static void stopCluster() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killsOfOneInstanceOfEachServiceAndOfOneBrokerLoseNothingAndDoNothingTwice() throws Exception {
        long started = System.nanoTime();
        AtomicBoolean running = new AtomicBoolean(true);
        Collection<Paid> paid = new ConcurrentLinkedQueue<>();
        ExecutorService load = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Void>> walkers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            walkers.add(CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    paid.add(walk());
                }
            }, load));
        }
        awaitPaid(walkers, paid, 2);

        // one instance of each service in turn, alternating which; each is started again in the background
        ExecutorService restarts = Executors.newCachedThreadPool();
        List<CompletableFuture<Void>> restarted = new ArrayList<>();
        Map<String, String> moved = new LinkedHashMap<>();
        for (int i = 0; i < StackOptions.SERVICES.size(); i++) {
            String service = StackOptions.SERVICES.get(i);
            String victim = stack.instanceName(service, i % 2 + 1);
            // both consume flexsi.payment: the dead instance's partitions move to the survivor once its session ends
            boolean watched = service.equals("certificate") || service.equals("rights-sync");
            int membersBefore = watched ? members(service + "-service").size() : 0;
            stack.kill(victim);
            System.out.printf("scale test: killed %s at %d s (%d payments so far)%n", victim, seconds(started), paid.size());
            if (watched) {
                assertTrue(membersBefore >= 2, service + " consumed with both instances before the kill");
                moved.put(service, awaitSurvivorTakesAll(service + "-service", membersBefore));
            } else {
                Http.sleep(3000);
            }
            restarted.add(CompletableFuture.runAsync(() -> stack.restart(victim), restarts));
        }
        String broker = stack.brokerNames().get(1);
        stack.kill(broker);
        System.out.printf("scale test: killed %s at %d s (%d payments so far)%n", broker, seconds(started), paid.size());
        moved.put(broker, awaitLeadersElsewhere("flexsi.payment", Integer.parseInt(broker.substring(broker.indexOf('-') + 1))));
        int paidWithoutBroker = paid.size();
        awaitPaid(walkers, paid, paidWithoutBroker + 2);
        restarted.add(CompletableFuture.runAsync(() -> stack.restart(broker), restarts));
        CompletableFuture.allOf(restarted.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        System.out.printf("scale test: every process back at %d s%n", seconds(started));
        // everything restarted takes part again before the load stops
        awaitPaid(walkers, paid, paid.size() + 4);
        running.set(false);
        CompletableFuture.allOf(walkers.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        load.shutdown();
        restarts.shutdown();

        List<Paid> payments = List.copyOf(paid);
        Map<String, Integer> counts = verify(payments);
        Map<String, Map<String, Long>> work = perInstanceWork();
        System.out.printf("scale test: %d payments in %d s; %s; partitions moved: %s%n", payments.size(), seconds(started),
                counts, moved);
        work.forEach((instance, figures) -> System.out.printf("scale test: %-14s %s%n", instance, figures));
        for (String service : StackOptions.SERVICES) {
            for (int instance = 1; instance <= 2; instance++) {
                String name = stack.instanceName(service, instance);
                // work is events published (the relay's lock moves between instances) or requests answered
                assertTrue(work.get(name).get("events published") + work.get(name).get("api requests") > 0,
                        name + " did work: " + work);
            }
        }
        for (int instance = 1; instance <= 2; instance++) {
            String name = stack.instanceName("payment", instance);
            assertTrue(work.get(name).get("payment orders") > 0, name + " took payment orders: " + work);
        }
    }

    /** One person from registration to the provider's payment page, through the proxy; retried across kills. */
    private static Paid walk() {
        // a resident id's sequence has three digits: 499 women per birth day, then the next day
        int n = PEOPLE.getAndIncrement();
        String idNumber = ResidentIds.of("370102", LocalDate.of(1990, 3, 9).plusDays(n / 499), (n % 499) * 2 + 2);
        String month = YearMonth.now(BEIJING).toString();
        Map<String, Object> person = Map.of("idType", "RESIDENT_ID", "idNumber", idNumber, "name", "王芳",
                "region", JINAN, "mobile", "13900000000", "enrolmentDate", LocalDate.now(BEIJING).toString(),
                "enrolments", List.of(Map.of("insurance", "PENSION", "firstMonth", month, "base", "5000.00")));
        String registrationKey = UUID.randomUUID().toString();
        String personId = Http.until(() -> Http.post(stack.url("registration") + "/api/v1/persons",
                stack.token("agency", "jinan-pension"), person, registrationKey), a -> a.status() == 201, EVENTUALLY,
                "registration").body().path("personId").asText();
        Map<String, Object> assessment = Map.of("personId", personId, "months", List.of(month),
                "insurances", List.of(Map.of("insurance", "PENSION", "base", "5000.00")));
        String assessmentKey = UUID.randomUUID().toString();
        String serial = Http.until(() -> Http.post(stack.url("assessment") + "/api/v1/assessments",
                stack.token("contributor", personId), assessment, assessmentKey), a -> a.status() == 201, EVENTUALLY,
                "assessment of " + personId).body().path("serialNumber").asText();
        String orderKey = UUID.randomUUID().toString();
        JsonNode order = Http.until(() -> Http.post(stack.url("payment") + "/api/v1/payments",
                stack.token("contributor", personId), Map.of("assessmentSerial", serial, "channel", "WECHAT"), orderKey),
                a -> a.status() == 201, EVENTUALLY, "order of " + serial).body();
        // the simulators never die here: paying is one call, its callback retried by the provider until answered
        Http.Answer payment = Http.post(order.path("payUrl").asText(), null, "{\"outcome\":\"SUCCESS\"}");
        assertEquals(200, payment.status(), payment.toString());
        return new Paid(personId, order.path("paymentId").asText());
    }

    /** Waits for the load to reach a number of payments; a walker that failed fails the test at once with its cause. */
    private static void awaitPaid(List<CompletableFuture<Void>> walkers, Collection<Paid> paid, int atLeast) {
        Instant deadline = Instant.now().plus(EVENTUALLY);
        while (paid.size() < atLeast) {
            for (CompletableFuture<Void> walker : walkers) {
                if (walker.isCompletedExceptionally()) {
                    walker.join();
                }
            }
            assertTrue(Instant.now().isBefore(deadline), "the load reached " + atLeast + " payments; it has " + paid.size());
            Http.sleep(200);
        }
    }

    /** Every invariant, per payment and in total; returns the counts it checked. */
    private static Map<String, Integer> verify(List<Paid> payments) {
        String ops = stack.token("ops", "ops-alice");
        int booked = 0;
        int certificates = 0;
        int confirmed = 0;
        for (Paid p : payments) {
            String contributor = stack.token("contributor", p.personId());
            JsonNode list = Http.until(() -> Http.get(stack.url("payment") + "/api/v1/payments?personId=" + p.personId(),
                    contributor), a -> a.status() == 200 && a.body().size() > 0 && count(a.body(), "status", "PAYING") == 0,
                    EVENTUALLY, "payment of " + p.personId()).body();
            assertEquals(1, list.size(), "one order per person: " + list);
            assertEquals(1, count(list, "status", "PAID"), "the order is paid (not refunded, not failed): " + list);
            assertEquals(p.paymentId(), list.get(0).path("paymentId").asText());
            assertEquals(0, new BigDecimal(AMOUNT).compareTo(new BigDecimal(list.get(0).path("amount").asText())),
                    list.toString());
            booked++;
            JsonNode issued = Http.until(() -> Http.get(stack.url("certificate") + "/api/v1/certificates?paymentId="
                    + p.paymentId(), contributor), a -> a.status() == 200 && a.body().size() > 0, EVENTUALLY,
                    "certificate of " + p.paymentId()).body();
            assertEquals(1, issued.size(), "exactly one certificate for " + p.paymentId() + ": " + issued);
            certificates++;
            Http.until(() -> Http.get(stack.url("rights-sync") + "/api/v1/rights/records?paymentId=" + p.paymentId(), ops),
                    a -> a.status() == 200 && a.raw().contains("CONFIRMED"), EVENTUALLY, "rights of " + p.paymentId());
            confirmed++;
        }
        // the pension agency's own ledger: each person's payment received and held once
        JsonNode held = Http.get(stack.url("simulators") + "/agencies/pension/held", null).body();
        Map<String, Integer> heldPerPerson = new HashMap<>();
        for (JsonNode record : held.path("records")) {
            heldPerPerson.merge(record.path("personId").asText(), 1, Integer::sum);
        }
        for (Paid p : payments) {
            assertEquals(1, heldPerPerson.getOrDefault(p.personId(), 0), "the pension agency holds " + p + " once");
        }
        // the provider's ledger against our books, to the fen: everything taken today is matched, nothing booked late
        String today = LocalDate.now(BEIJING).toString();
        JsonNode run = Http.until(() -> Http.post(stack.url("payment") + "/api/v1/ops/reconciliations", ops,
                Map.of("channel", "WECHAT", "day", today)), a -> a.status() == 200, EVENTUALLY, "reconciliation").body();
        BigDecimal expected = new BigDecimal(AMOUNT).multiply(BigDecimal.valueOf(payments.size()));
        assertEquals(payments.size(), run.path("theirCount").asInt(), run.toString());
        assertEquals(payments.size(), run.path("ourCount").asInt(), run.toString());
        assertEquals(payments.size(), run.path("matched").asInt(), run.toString());
        assertEquals(0, run.path("booked").asInt(), run.toString());
        assertEquals(0, run.path("issues").asInt(), run.toString());
        assertEquals(0, expected.compareTo(new BigDecimal(run.path("theirTotal").asText())), run.toString());
        assertEquals(0, expected.compareTo(new BigDecimal(run.path("ourTotal").asText())), run.toString());
        long deadLetters = deadLetters();
        assertEquals(0, deadLetters, "no record was parked on a dead-letter topic");
        Map<String, Integer> counts = new TreeMap<>();
        counts.put("paid orders booked once", booked);
        counts.put("certificates", certificates);
        counts.put("rights confirmed", confirmed);
        counts.put("held at the pension agency", held.path("records").size());
        counts.put("reconciled", run.path("matched").asInt());
        counts.put("dead letters", (int) deadLetters);
        System.out.printf("scale test: provider total %s, our total %s, expected %s%n", run.path("theirTotal").asText(),
                run.path("ourTotal").asText(), expected);
        return counts;
    }

    private static int count(JsonNode array, String field, String value) {
        int n = 0;
        for (JsonNode item : array) {
            if (value.equals(item.path(field).asText())) {
                n++;
            }
        }
        return n;
    }

    /** Records on every dead-letter topic (end offsets; nothing is ever deleted from them here). */
    private static long deadLetters() {
        try (Admin admin = admin()) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> dlq = topics.stream().filter(t -> t.endsWith(".dlq")).toList();
            assertTrue(!dlq.isEmpty(), "the services created their dead-letter topics: " + topics);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeTopics(dlq).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                    description.partitions().forEach(p -> ends.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            long total = 0;
            for (var offset : admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values()) {
                total += offset.offset();
            }
            return total;
        } catch (Exception e) {
            throw new AssertionError("cannot read the dead-letter topics", e);
        }
    }

    /** The members of a consumer group with the partitions each holds. */
    private static List<MemberDescription> members(String group) {
        try (Admin admin = admin()) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(30, TimeUnit.SECONDS).get(group);
            return List.copyOf(description.members());
        } catch (Exception e) {
            throw new AssertionError("cannot describe consumer group " + group, e);
        }
    }

    /**
     * Waits until the group has lost the killed instance's members and the survivor's members hold every partition
     * the group held before; returns a line that says so.
     */
    private static String awaitSurvivorTakesAll(String group, int membersBefore) {
        Set<TopicPartition> before = new java.util.HashSet<>();
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            List<MemberDescription> now = members(group);
            Set<TopicPartition> held = new java.util.HashSet<>();
            now.forEach(m -> held.addAll(m.assignment().topicPartitions()));
            if (before.isEmpty()) {
                before.addAll(held);
            }
            if (now.size() * 2 <= membersBefore && held.size() >= before.size() && !held.isEmpty()) {
                return group + ": " + membersBefore + " members before, " + now.size() + " after, holding all "
                        + held.size() + " partitions";
            }
            assertTrue(Instant.now().isBefore(deadline), group + " did not rebalance to the survivor: " + now);
            Http.sleep(500);
        }
    }

    /** Waits until no partition of the topic is led by the dead node and each has two replicas in sync. */
    private static String awaitLeadersElsewhere(String topic, int deadNode) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try (Admin admin = admin()) {
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic)
                        .partitions();
                boolean moved = partitions.stream().allMatch(p -> p.leader() != null && p.leader().id() != deadNode
                        && p.isr().size() == 2);
                if (moved) {
                    Map<Integer, Long> leaders = new TreeMap<>();
                    partitions.forEach(p -> leaders.merge(p.leader().id(), 1L, Long::sum));
                    return topic + ": " + partitions.size() + " partitions led by nodes " + leaders + ", 2 replicas in sync each";
                }
            } catch (Exception e) {
                // the cluster is electing: ask again
            }
            assertTrue(Instant.now().isBefore(deadline), "the partitions of " + topic + " left node " + deadNode);
            Http.sleep(500);
        }
    }

    /** Per instance: events it published and API requests it answered, from its own /q/metrics. */
    private static Map<String, Map<String, Long>> perInstanceWork() {
        Map<String, Map<String, Long>> work = new LinkedHashMap<>();
        for (String service : StackOptions.SERVICES) {
            for (int instance = 1; instance <= 2; instance++) {
                String metrics = Http.get(stack.instanceUrl(service, instance) + "/q/metrics", null).raw();
                Map<String, Long> figures = new LinkedHashMap<>();
                figures.put("events published", sum(metrics, "flexsi_events_published_total"));
                figures.put("api requests", sum(metrics, "http_server_requests_seconds_count", "uri=\"/api/"));
                if (service.equals("payment")) {
                    figures.put("payment orders", sum(metrics, "http_server_requests_seconds_count",
                            "method=\"POST\"", "uri=\"/api/v1/payments\""));
                }
                work.put(stack.instanceName(service, instance), figures);
            }
        }
        return work;
    }

    /** Sum of a Prometheus metric's samples whose labels contain every fragment. */
    private static long sum(String metrics, String name, String... fragments) {
        double total = 0;
        for (String line : metrics.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String fragment : fragments) {
                if (!line.contains(fragment)) {
                    all = false;
                }
            }
            if (all) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Math.round(total);
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000);
        return Admin.create(props);
    }

    private static long seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e9);
    }
}
