package org.flexsi.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flexsi.deploy.Stack;
import org.flexsi.deploy.StackOptions;
import org.flexsi.deploy.client.Http;
import org.flexsi.deploy.client.ResidentIds;
import org.flexsi.deploy.demo.Demo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged services as separate processes on a real broker and database: an agency registers a
 * person, operations publish the year's catalogue, the person assesses and pays through the
 * provider simulator, gets a certificate, and the pension system confirms the rights. Then the same
 * with services killed (SIGKILL) mid-flow: the flow still completes, and exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String JINAN = "370100";
    private static final AtomicInteger PEOPLE = new AtomicInteger(100);
    private static Stack stack;
    private static OtlpReceiver traces;

    @BeforeAll
    static void startStack() throws Exception {
        traces = new OtlpReceiver();
        Path root = Path.of(System.getProperty("flexsi.project.root", "..")).toAbsolutePath().normalize();
        // ports apart from a developer's running stack; fresh databases of their own
        stack = Stack.start(StackOptions.builder(root)
                .stateDir(root.resolve("system-tests/target/stack"))
                .servicePortBase(18081).simulatorsPort(18090).kafkaPorts(19092, 19093)
                .databasePrefix("flexsi_st_").freshDatabases(true)
                .startTimeout(Duration.ofMinutes(6))
                // the services export their spans to this test, as to a collector
                .extraEnv("OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint())
                .extraEnv("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .extraEnv("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s")
                // a real Prometheus with the alert rules, for the queries the dashboards and alerts rely on
                .monitoring(true, 19190)
                .build());
        publishCatalogueForThisYear();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    @Test
    @Order(1)
    void aContributorGoesFromEnrolmentToConfirmedRights() {
        String personId = register();
        String serial = assess(personId);
        JsonNode order = orderPayment(personId, serial);
        payAtTheProvider(order);
        String paymentId = order.path("paymentId").asText();
        awaitPaid(personId, paymentId);
        awaitCertificate(personId, paymentId);
        awaitRightsConfirmed(paymentId);

        assertEquals(1, distinctEvents("flexsi.payment", personId, "org.flexsi.payment.succeeded.v1"));
        assertEquals(1, distinctEvents("flexsi.rights", personId, "org.flexsi.rights.confirmed.v1"));
    }

    @Test
    @Order(2)
    void onePaymentIsOneTraceFromTheOrderToItsRightsRecord() {
        String personId = register();
        String serial = assess(personId);
        Http.Answer ordered = orderPaymentAnswer(personId, serial);
        JsonNode order = ordered.body();
        String traceId = ordered.traceId();
        payAtTheProvider(order);
        String paymentId = order.path("paymentId").asText();
        awaitPaid(personId, paymentId);
        awaitCertificate(personId, paymentId);
        awaitRightsConfirmed(paymentId);

        // the trace of the order: the provider's callback, the certificate and the rights record join it
        java.time.Instant deadline = java.time.Instant.now().plus(EVENTUALLY);
        while (!wholeTrace(traces.trace(traceId))) {
            assertTrue(java.time.Instant.now().isBefore(deadline), "one trace " + traceId + " across the services: "
                    + traces.trace(traceId));
            Http.sleep(500);
        }
        List<OtlpReceiver.Span> spans = traces.trace(traceId);
        OtlpReceiver.Span orderSpan = first(spans, s -> s.service().equals("payment-service") && s.name().startsWith("POST /api/v1/payments"));
        OtlpReceiver.Span callback = first(spans, s -> s.name().contains("callbacks/providers"));
        OtlpReceiver.Span certificate = first(spans, s -> s.service().equals("certificate-service") && s.name().contains("process"));
        OtlpReceiver.Span rights = first(spans, s -> s.service().equals("rights-sync-service") && s.name().contains("process"));
        assertTrue(orderSpan.startNanos() < callback.startNanos(), "the order comes before the provider's callback");
        assertTrue(callback.startNanos() < certificate.startNanos(), "the callback before the certificate");
        assertTrue(callback.startNanos() < rights.startNanos(), "the callback before the rights record");
    }

    /** Spans of the payment, the provider's callback, certificate, rights-sync and registration or assessment. */
    private static boolean wholeTrace(List<OtlpReceiver.Span> spans) {
        Set<String> services = new java.util.HashSet<>();
        spans.forEach(span -> services.add(span.service()));
        return services.containsAll(Set.of("payment-service", "certificate-service", "rights-sync-service"))
                && (services.contains("registration-service") || services.contains("assessment-service"))
                && spans.stream().anyMatch(span -> span.name().contains("callbacks/providers"));
    }

    private static OtlpReceiver.Span first(List<OtlpReceiver.Span> spans, java.util.function.Predicate<OtlpReceiver.Span> which) {
        return spans.stream().filter(which).min(java.util.Comparator.comparingLong(OtlpReceiver.Span::startNanos))
                .orElseThrow(() -> new AssertionError("no such span in " + spans));
    }

    @Test
    @Order(3)
    void servicesKilledMidFlowStillCompleteItExactlyOnce() {
        String personId = register();
        String serial = assess(personId);
        JsonNode order = orderPayment(personId, serial);
        String paymentId = order.path("paymentId").asText();

        // the provider's callback finds payment-service dead and retries until it is back
        stack.kill("payment");
        payAtTheProvider(order);
        Http.sleep(1500);
        stack.kill("rights-sync");
        stack.restart("payment");
        awaitPaid(personId, paymentId);
        stack.kill("certificate");
        stack.restart("rights-sync");
        stack.restart("certificate");
        awaitCertificate(personId, paymentId);
        awaitRightsConfirmed(paymentId);

        assertEquals(1, distinctEvents("flexsi.payment", personId, "org.flexsi.payment.succeeded.v1"));
        assertEquals(1, distinctEvents("flexsi.certificate", personId, "org.flexsi.certificate.issued.v1"));
        assertEquals(1, distinctEvents("flexsi.rights", personId, "org.flexsi.rights.confirmed.v1"));
        JsonNode held = Http.get(stack.url("simulators") + "/agencies/pension/held", null).body();
        long recordsForPerson = 0;
        for (JsonNode record : held.path("records")) {
            if (personId.equals(record.path("personId").asText())) {
                recordsForPerson++;
            }
        }
        assertEquals(1, recordsForPerson, "the pension system holds the payment once: " + held);
    }

    @Test
    @Order(4)
    void theDemoWalksOnePersonPerSeedRegionToConfirmedRights() {
        List<Demo.Walk> walks = new Demo(stack::url, stack::token, Clock.systemUTC(), System.out).run();

        assertEquals(List.of("Wuhan", "Jiangxi", "Jinan", "Weifang"), walks.stream().map(Demo.Walk::region).toList());
        for (Demo.Walk walk : walks) {
            assertTrue(walk.certificate().matches("[0-9]+|available from [0-9-]+ \\(R22\\)"), walk.toString());
            assertTrue(walk.rights().contains("CONFIRMED"), walk.toString());
        }
        // the regions without a catalogue for this year got the seed's figures, marked as a demonstration
        JsonNode wuhan = Http.get(stack.url("assessment") + "/api/v1/catalogues?region=420100", stack.token("ops", "ops-alice")).body();
        assertTrue(wuhan.toString().contains(Demo.DEMO_MARK), wuhan.toString());
    }

    @Test
    @Order(5)
    void everyRoleOutsideAnOperationsRolesIsRefusedAndNoTokenIsUnauthenticated() {
        int[] checked = {0};
        List<AuthorizationMatrix.Miss> misses = new AuthorizationMatrix(stack::url, stack::token)
                .check(List.of("registration", "assessment", "payment", "certificate", "rights-sync"), checked);
        System.out.printf("authorization matrix: %d calls, %d not refused as their roles say%n", checked[0], misses.size());
        assertTrue(checked[0] > 300, "the documents name the operations' roles: " + checked[0]);
        assertEquals(List.of(), misses);
    }

    @Test
    @Order(6)
    void eachServiceLogsInAsARoleThatReachesOnlyItsOwnDatabase() throws Exception {
        Stack.Login payment = stack.databaseLogin("payment");
        assertNotEquals(stack.databaseUser(), payment.user(), "payment-service has a login of its own");
        try (Connection own = DriverManager.getConnection(stack.jdbcUrl("payment"), credentials(payment));
                ResultSet role = own.createStatement().executeQuery(
                        "select rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user")) {
            assertTrue(role.next());
            assertEquals(List.of(false, false, false), List.of(role.getBoolean(1), role.getBoolean(2), role.getBoolean(3)));
        }
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(stack.jdbcUrl("registration"), credentials(payment)).close());
        assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
    }

    @Test
    @Order(7)
    void everyAlertRuleAndDashboardQueryRunsOnTheFlowsData() throws Exception {
        LiveQueries live = new LiveQueries(stack.url(StackOptions.PROMETHEUS));
        // after the flows above, a few scrapes and rule evaluations (5 s each)
        Http.sleep(15_000);
        assertEquals(List.of(), live.unhealthyRules(), "every alert rule evaluates");
        Path root = Path.of(System.getProperty("flexsi.project.root", "..")).toAbsolutePath().normalize();
        List<LiveQueries.Result> results = live.dashboardQueries(root.resolve("deploy/monitoring/grafana"));
        List<LiveQueries.Result> failed = results.stream().filter(r -> r.error() != null).toList();
        List<LiveQueries.Result> empty = results.stream().filter(r -> r.error() == null && r.series() == 0).toList();
        System.out.printf("dashboard queries: %d, %d failed, %d empty after the flows%n", results.size(), failed.size(),
                empty.size());
        empty.forEach(r -> System.out.println("  empty: " + r.source() + ": " + r.expr()));
        assertEquals(List.of(), failed, "every panel's PromQL runs");
        // the flows paid, certified and confirmed: the panels of those figures must show data
        assertTrue(results.size() >= 40, "the dashboards' queries were found: " + results.size());
        assertTrue(empty.size() * 4 <= results.size(), "at most a quarter of the panels may be empty after a payment flow: "
                + empty);
    }

    private static Properties credentials(Stack.Login login) {
        Properties props = new Properties();
        props.setProperty("user", login.user());
        if (login.password() != null) {
            props.setProperty("password", login.password());
        }
        return props;
    }

    private static void publishCatalogueForThisYear() {
        int year = LocalDate.now(BEIJING).getYear();
        String body = Catalogues.jinan(year);
        Http.Answer draft = Http.post(stack.url("assessment") + "/api/v1/admin/catalogues", stack.token("ops", "ops-alice"), body);
        assertEquals(201, draft.status(), draft.toString());
        String version = draft.body().path("version").asText();
        Http.Answer published = Http.post(stack.url("assessment") + "/api/v1/admin/catalogues/" + version + "/publish",
                stack.token("ops", "ops-bob"), "{}");
        assertEquals(200, published.status(), published.toString());
    }

    private static String register() {
        LocalDate birth = LocalDate.of(1988, 5, 17);
        String idNumber = ResidentIds.of("370102", birth, PEOPLE.getAndIncrement() * 2 + 1);
        String month = YearMonth.now(BEIJING).toString();
        Map<String, Object> body = Map.of("idType", "RESIDENT_ID", "idNumber", idNumber, "name", "李明",
                "region", JINAN, "mobile", "13800000000", "enrolmentDate", LocalDate.now(BEIJING).toString(),
                "enrolments", List.of(Map.of("insurance", "PENSION", "firstMonth", month, "base", "5000.00")));
        String key = UUID.randomUUID().toString();
        // the same key makes a retry after a slow first answer safe
        Http.Answer answer = Http.until(
                () -> Http.post(stack.url("registration") + "/api/v1/persons", stack.token("agency", "jinan-pension"), body, key),
                a -> a.status() == 201, EVENTUALLY, "registration of " + idNumber.substring(0, 6));
        return answer.body().path("personId").asText();
    }

    /** Retries while assessment-service has not yet seen the registration events. */
    private static String assess(String personId) {
        Map<String, Object> body = Map.of("personId", personId, "months", List.of(YearMonth.now(BEIJING).toString()),
                "insurances", List.of(Map.of("insurance", "PENSION", "base", "5000.00")));
        String key = UUID.randomUUID().toString();
        Http.Answer answer = Http.until(
                () -> Http.post(stack.url("assessment") + "/api/v1/assessments", stack.token("contributor", personId), body, key),
                a -> a.status() == 201, EVENTUALLY, "assessment of " + personId);
        assertEquals("1000.00", answer.body().path("total").asText(), "20 % of 5000.00 for one month: " + answer);
        return answer.body().path("serialNumber").asText();
    }

    private static JsonNode orderPayment(String personId, String serial) {
        return orderPaymentAnswer(personId, serial).body();
    }

    private static Http.Answer orderPaymentAnswer(String personId, String serial) {
        Map<String, Object> body = Map.of("assessmentSerial", serial, "channel", "WECHAT");
        String key = UUID.randomUUID().toString();
        Http.Answer answer = Http.until(
                () -> Http.post(stack.url("payment") + "/api/v1/payments", stack.token("contributor", personId), body, key),
                a -> a.status() == 201, EVENTUALLY, "payment order for " + serial);
        assertEquals("PAYING", answer.body().path("status").asText(), answer.toString());
        return answer;
    }

    /** The person scans the QR code and pays; the provider then calls payment-service back. */
    private static void payAtTheProvider(JsonNode order) {
        String payUrl = order.path("payUrl").asText();
        Http.Answer paid = Http.post(payUrl, null, "{\"outcome\":\"SUCCESS\"}");
        assertEquals(200, paid.status(), paid.toString());
    }

    private static void awaitPaid(String personId, String paymentId) {
        Http.until(() -> Http.get(stack.url("payment") + "/api/v1/payments/" + paymentId, stack.token("contributor", personId)),
                a -> a.status() == 200 && "PAID".equals(a.body().path("status").asText()), EVENTUALLY, "payment " + paymentId);
    }

    private static void awaitCertificate(String personId, String paymentId) {
        Http.Answer answer = Http.until(
                () -> Http.get(stack.url("certificate") + "/api/v1/certificates?paymentId=" + paymentId, stack.token("contributor", personId)),
                a -> a.status() == 200 && a.body() != null && a.body().size() > 0, EVENTUALLY, "certificate of " + paymentId);
        assertTrue(answer.raw().contains(paymentId) || answer.body().size() == 1, answer.toString());
    }

    private static void awaitRightsConfirmed(String paymentId) {
        Http.until(() -> Http.get(stack.url("rights-sync") + "/api/v1/rights/records?paymentId=" + paymentId, stack.token("ops", "ops-alice")),
                a -> a.status() == 200 && a.raw().contains("CONFIRMED"), EVENTUALLY, "rights confirmation of " + paymentId);
    }

    /** How many different events (by CloudEvents id) of one type a topic holds for a person. */
    private static long distinctEvents(String topic, String personId, String type) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Set<String> ids = new java.util.HashSet<>();
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() - quietSince < 3000) {
                var records = consumer.poll(Duration.ofMillis(300));
                if (!records.isEmpty()) {
                    quietSince = System.currentTimeMillis();
                }
                for (ConsumerRecord<String, String> record : records) {
                    if (personId.equals(record.key()) && type.equals(header(record, "ce_type"))) {
                        ids.add(header(record, "ce_id"));
                    }
                }
            }
            return ids.size();
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
