package org.flexsi.payment.support;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import io.quarkus.arc.Arc;
import org.flexsi.platform.time.BusinessTime;
import org.flexsi.platform.time.PlatformClock;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flexsi.contracts.events.AssessmentCreated;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.contracts.events.ProxyLinked;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.testing.TestTokens;

/** Builds the world a test needs through the same doors production uses: contract events, HTTP, the simulators. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String contributor(String personId) {
        return TestTokens.bearer(Roles.CONTRIBUTOR, personId);
    }

    public static String proxy(String proxyId) {
        return TestTokens.bearer(Roles.PROXY, proxyId);
    }

    public static String ops() {
        return TestTokens.bearer(Roles.OPS, "ops-1");
    }

    public static String newPerson() {
        return "P-" + UUID.randomUUID();
    }

    public static void register(String personId, String idNumber, String name) {
        TestKafka.publish(new PersonRegistered(personId, "RESIDENT_ID", idNumber, name, "MALE", LocalDate.of(1990, 1, 1),
                "420100", "武汉市", null, null, Instant.now()), "/flexsi/registration-service");
    }

    public static void link(String proxyId, String personId) {
        TestKafka.publish(new ProxyLinked(personId, proxyId, LocalDate.now(), Instant.now()), "/flexsi/registration-service");
    }

    /** Weifang 2023, base 3980, medical 6 %: one month of pension, medical and work injury (DOMAIN.md vectors). */
    public static List<LineItem> weifangMonth(String month) {
        return List.of(new LineItem("PENSION", List.of(month), "3980.00", "0.20", "796.00", null),
                new LineItem("MEDICAL", List.of(month), "3980.00", "0.06", "238.80", null),
                new LineItem("WORK_INJURY", List.of(month), "3980.00", "0.009", "35.82", null));
    }

    public static final String WEIFANG_MONTH_TOTAL = "1070.62";

    public static String assessment(String personId) {
        return assessment(personId, weifangMonth("2026-11"), WEIFANG_MONTH_TOTAL, Instant.now().plus(Duration.ofDays(30)));
    }

    public static String assessment(String personId, List<LineItem> lines, String total, Instant expiresAt) {
        String serial = "AS" + UUID.randomUUID().toString().replace("-", "").substring(0, 18).toUpperCase();
        TestKafka.publish(new AssessmentCreated(UUID.randomUUID().toString(), serial, personId, "370700", 2026,
                "SELF_SELECTED", lines, total, "WF-2026-1", Instant.now(), expiresAt), "/flexsi/assessment-service");
        return serial;
    }

    /** An assessment the service has taken in, ready to be paid. */
    public static String payable(DataSource db, String person) {
        String serial = assessment(person);
        await("assessment " + serial).until(() -> count(db, "select count(*) from assessment where serial_number = ?", serial) == 1);
        return serial;
    }

    /** A WeChat order for the assessment, paid as the provider would report it; returns the payment id once PAID. */
    public static String paidOnline(DataSource db, String token, String serial) {
        String paymentId = createOrder(token, serial, "WECHAT").then().statusCode(201).extract().path("paymentId");
        String amount = text(db, "select amount::text from payment where id = ?::uuid", paymentId);
        providerCallback("wechat", SimulatorsResource.WECHAT_SECRET, "{\"merchantOrderId\":\"" + paymentId
                + "\",\"transactionId\":\"wx-tx-" + paymentId.substring(0, 8) + "\",\"amount\":\"" + amount
                + "\",\"status\":\"SUCCESS\",\"paidAt\":\"" + Instant.now() + "\"}").then().statusCode(200);
        return paymentId;
    }

    /** A request of a bank: its bearer token and its signature. */
    public static Response bank(String bankId, String secret, String method, String path, String body) {
        return bankSigned(bankId, secret, method, path, body, null, null);
    }

    public static Response bankSigned(String bankId, String secret, String method, String path, String body, Long timestamp,
            String nonce) {
        long ts = timestamp != null ? timestamp : Instant.now().getEpochSecond();
        String n = nonce != null ? nonce : UUID.randomUUID().toString();
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var request = given().header("Authorization", TestTokens.bearer(Roles.BANK, bankId)).header(HttpSignature.KEY_ID, bankId)
                .header(HttpSignature.TIMESTAMP, Long.toString(ts)).header(HttpSignature.NONCE, n)
                .header(HttpSignature.SIGNATURE, HttpSignature.sign(secret, method, path, ts, n, bytes));
        if (body != null) {
            request.contentType("application/json").body(bytes);
        }
        return request.request(method, path);
    }

    public static final String TEST_BANK = "testbank";
    public static final String TEST_BANK_SECRET = "test-bank-secret";
    public static final String OTHER_BANK = "otherbank";
    public static final String OTHER_BANK_SECRET = "other-bank-secret";
    public static final String STALE_BANK = "stalebank";
    /** A bank that fetches its files, used only by the tests of debit months and bank transaction days. */
    public static final String DAY_BANK = "daybank";
    public static final String DAY_BANK_SECRET = "day-bank-secret";

    /** A contributor's monthly debit agreement with {@code bankId}. */
    public static Response agreement(String person, String bankId, String account) {
        return given().header("Authorization", contributor(person)).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json").body("{\"bankId\":\"" + bankId + "\",\"accountNumber\":\"" + account
                        + "\",\"accountName\":\"张三\"}").post("/api/v1/debit-agreements");
    }

    /** A bank account number no other test uses. */
    public static String newAccount() {
        return "6222" + String.format("%015d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000_000_000L));
    }

    /**
     * Ops make a bank's debit batch of a month, on the 22nd of that month at noon China time (R19: the current
     * collection month, after the 20th); the clock is back to now once the batch is made.
     */
    public static Response debitBatch(String bankId, String month) {
        return debitBatchAt(bankId, month, YearMonth.parse(month).atDay(22).atTime(12, 0).atZone(BusinessTime.ZONE).toInstant());
    }

    /** Ops make a bank's debit batch of {@code month} with the service's clock at {@code at}. */
    public static Response debitBatchAt(String bankId, String month, Instant at) {
        PlatformClock clock = Arc.container().instance(PlatformClock.class).get();
        clock.setTo(at);
        try {
            return given().header("Authorization", ops()).header("Idempotency-Key", "k-" + UUID.randomUUID())
                    .contentType("application/json").body("{\"bankId\":\"" + bankId + "\",\"month\":\"" + month + "\"}")
                    .post("/api/v1/ops/debit-batches");
        } finally {
            clock.reset();
        }
    }

    /**
     * An assessment of {@code months} (Weifang figures, one line set per month) the service has taken in, open until
     * 2032: batch debit tests make batches of months up to 2031 on a clock set there.
     */
    public static String payableForDebit(DataSource db, String person, String... months) {
        List<String> due = months.length == 0 ? List.of("2026-11") : List.of(months);
        BigDecimal total = new BigDecimal(WEIFANG_MONTH_TOTAL).multiply(BigDecimal.valueOf(due.size()));
        List<LineItem> lines = List.of(
                new LineItem("PENSION", due, "3980.00", "0.20", new BigDecimal("796.00").multiply(BigDecimal.valueOf(due.size())).toPlainString(), null),
                new LineItem("MEDICAL", due, "3980.00", "0.06", new BigDecimal("238.80").multiply(BigDecimal.valueOf(due.size())).toPlainString(), null),
                new LineItem("WORK_INJURY", due, "3980.00", "0.009", new BigDecimal("35.82").multiply(BigDecimal.valueOf(due.size())).toPlainString(), null));
        String serial = assessment(person, lines, total.toPlainString(), DEBIT_EXPIRY);
        await("assessment " + serial).until(() -> count(db, "select count(*) from assessment where serial_number = ?", serial) == 1);
        return serial;
    }

    public static final Instant DEBIT_EXPIRY = Instant.parse("2032-06-30T00:00:00Z");

    /** How ops see one batch in the batch list. */
    public static io.restassured.path.json.JsonPath batchView(String bankId, String batchId) {
        return given().header("Authorization", ops()).queryParam("bankId", bankId).get("/api/v1/ops/debit-batches")
                .then().statusCode(200).extract().jsonPath().setRootPath("find { it.batchId == '" + batchId + "' }");
    }

    /** The bank simulator's lever: later debits from this account end as {@code outcome}. */
    public static void accountOutcome(String bankId, String account, String outcome) {
        given().contentType("application/json").body("{\"accountNumber\":\"" + account + "\",\"outcome\":\"" + outcome + "\"}")
                .post(simulators() + "/sim/banks/" + bankId + "/accounts").then().statusCode(200);
    }

    /**
     * A bank that fetches its file: it downloads it from us and has it debited by its own systems (the simulator),
     * which answer with the result file; handing that in is up to the caller.
     */
    public static String debitAtBank(String bankId, String secret, String batchId) {
        String file = bank(bankId, secret, "GET", "/api/v1/bank/debit-batches/" + batchId + "/file", null)
                .then().statusCode(200).extract().asString();
        String path = "/banks/" + bankId + "/debit-files";
        long ts = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        return given().header(HttpSignature.KEY_ID, "flexsi").header(HttpSignature.TIMESTAMP, Long.toString(ts))
                .header(HttpSignature.NONCE, nonce)
                .header(HttpSignature.SIGNATURE, HttpSignature.sign(secret, "POST", path, ts, nonce, bytes))
                .contentType("text/plain; charset=utf-8").body(bytes).post(simulators() + path)
                .then().statusCode(200).extract().asString();
    }

    /** A bank hands in its result file. */
    public static Response handIn(String bankId, String secret, String resultFile) {
        return bank(bankId, secret, "POST", "/api/v1/bank/debit-results", resultFile);
    }

    public static String today() {
        return BusinessTime.dateOf(Instant.now()).toString();
    }

    public static Response reconcile(String body) {
        return given().header("Authorization", ops()).contentType("application/json").body(body).post("/api/v1/ops/reconciliations");
    }

    public static Response createOrder(String token, String serial, String channel) {
        return createOrder(token, serial, channel, "k-" + UUID.randomUUID());
    }

    public static Response createOrder(String token, String serial, String channel, String idempotencyKey) {
        return given().header("Authorization", token).header("Idempotency-Key", idempotencyKey)
                .contentType("application/json")
                .body("{\"assessmentSerial\":\"" + serial + "\",\"channel\":\"" + channel + "\"}")
                .post("/api/v1/payments");
    }

    public static String simulators() {
        return ConfigProvider.getConfig().getValue("flexsi.simulators.url", String.class);
    }

    /** The payer scans and pays; {@code body} null for a plain success. */
    public static Response pay(String payUrl, String body) {
        var request = given().contentType("application/json");
        if (body != null) {
            request.body(body);
        }
        return request.post(payUrl);
    }

    public static void fault(String json) {
        given().contentType("application/json").body(json).post(simulators() + "/sim/faults").then().statusCode(201);
    }

    public static void clearFaults() {
        given().delete(simulators() + "/sim/faults").then().statusCode(200);
    }

    /** A provider notification as the provider would sign it. */
    public static Response providerCallback(String provider, String secret, String body) {
        return signed("POST", "/api/v1/callbacks/providers/" + provider, provider, secret, body, null, null);
    }

    /** A request signed per HttpSignature; {@code timestamp} and {@code nonce} null for fresh ones. */
    public static Response signed(String method, String path, String keyId, String secret, String body, Long timestamp,
            String nonce) {
        long ts = timestamp != null ? timestamp : Instant.now().getEpochSecond();
        String n = nonce != null ? nonce : UUID.randomUUID().toString();
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var request = given().header(HttpSignature.KEY_ID, keyId).header(HttpSignature.TIMESTAMP, Long.toString(ts))
                .header(HttpSignature.NONCE, n)
                .header(HttpSignature.SIGNATURE, HttpSignature.sign(secret, method, path, ts, n, bytes));
        if (body != null) {
            request.contentType("application/json").body(bytes);
        }
        return request.request(method, path);
    }



    public static BigDecimal money(String text) {
        return new BigDecimal(text);
    }

    public static long count(DataSource db, String sql, Object... params) {
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(DataSource db, String sql, Object... params) {
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A write straight to the database, as when a test sets up what a crash would have left. */
    public static int execute(DataSource db, String sql, Object... params) {
        try (var connection = db.getConnection(); var statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(java.sql.PreparedStatement statement, Object... params) throws java.sql.SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }
}
