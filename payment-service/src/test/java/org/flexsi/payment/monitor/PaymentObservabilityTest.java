package org.flexsi.payment.monitor;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the payment figures operators alert on are at /q/metrics with the values the database holds, refreshed by
 * the scheduled job (every second in tests), and an order's prepay carries its trace to the provider, which sends it
 * back on the callback.
 */
@QuarkusTest
class PaymentObservabilityTest {
    private static final double AGE_TOLERANCE = 5;

    @Inject
    DataSource db;

    @Test
    void anOutgoingPrepayCarriesTheTraceOfTheRequestThatMadeTheOrder() {
        String person = newPerson();
        String serial = payable(db, person);
        var created = createOrder(contributor(person), serial, "WECHAT").then().statusCode(201).extract();
        String traceId = created.header("X-Trace-Id");
        assertNotNull(traceId, "answers carry the trace id");
        String paymentId = created.path("paymentId");
        String traceparent = given().get(simulators() + "/sim/providers/wechat/orders/" + paymentId + "/trace")
                .then().statusCode(200).extract().path("traceparent");
        assertNotNull(traceparent, "the provider got a traceparent with the prepay");
        assertTrue(traceparent.matches("00-" + traceId + "-[0-9a-f]{16}-0[01]"), traceparent + " is of trace " + traceId);

        // the callback that traceparent comes back on is booked as usual
        pay(created.path("payUrl"), null).then().statusCode(200);
        await("paid").until(() -> "PAID".equals(text(db, "select status from payment where id = ?::uuid", paymentId)));
    }

    @Test
    void ordersPayingAgeAndHeldAmountAreMeasuredPerChannel() {
        String person = newPerson();
        String paying = createOrder(contributor(person), payable(db, person), "UNIONPAY").then().statusCode(201)
                .extract().path("paymentId");
        String other = newPerson();
        var held = createOrder(contributor(other), payable(db, other), "UNIONPAY").then().statusCode(201).extract();
        pay(held.path("payUrl"), "{\"amount\":\"1.23\"}").then().statusCode(200);
        String heldId = held.path("paymentId");
        await("held").until(() -> "HELD".equals(text(db, "select status from payment where id = ?::uuid", heldId)));

        for (String state : new String[] { "PAYING", "HELD", "PAID" }) {
            awaitMetric("orders " + state, "flexsi_payment_orders", Map.of("state", state, "channel", "UNIONPAY"),
                    () -> (double) count(db, "select count(*) from payment where status = ? and channel = 'UNIONPAY'", state), 0);
        }
        awaitMetric("held amount", "flexsi_payment_held_amount_yuan", Map.of("channel", "UNIONPAY"),
                () -> Double.parseDouble(text(db, "select sum(coalesce(paid_amount, amount))::text from payment"
                        + " where status = 'HELD' and channel = 'UNIONPAY'")), 0.001);
        assertTrue(metric("flexsi_payment_held_amount_yuan", Map.of("channel", "UNIONPAY")).getAsDouble() >= 1.23);
        awaitMetric("oldest paying", "flexsi_payment_paying_oldest_seconds", Map.of("channel", "UNIONPAY"),
                () -> Double.parseDouble(text(db, "select extract(epoch from now() - min(created_at))::text from payment"
                        + " where status = 'PAYING' and channel = 'UNIONPAY'")), AGE_TOLERANCE);
        assertTrue(count(db, "select count(*) from payment where id = ?::uuid and status = 'PAYING'", paying) == 1);
        // a bank counter books money already taken: never PAYING, never HELD, and the series says 0, not nothing
        assertEquals(0.0, metric("flexsi_payment_paying_oldest_seconds", Map.of("channel", "BANK_COUNTER")).getAsDouble());
        assertEquals(0.0, metric("flexsi_payment_held_amount_yuan", Map.of("channel", "BANK_COUNTER")).getAsDouble());
        assertTrue(metric("flexsi_payment_paying_age_seconds_count", Map.of("channel", "UNIONPAY")).getAsDouble() >= 1,
                "the PAYING ages are a histogram");
    }

    @Test
    void theOldestOpenDiscrepancyIsDatedUntilResolved() {
        // an unknown order found by reconciliation, as ops see it
        java.util.UUID id = java.util.UUID.randomUUID();
        try (var connection = db.getConnection(); var insert = connection.prepareStatement("insert into ops_issue (id,"
                + " dedup_key, kind, channel, detail, state, created_at) values (?, ?, 'UNKNOWN_ORDER', 'UNIONPAY',"
                + " 'a test discrepancy', 'OPEN', '2001-02-03T04:05:06Z')")) {
            insert.setObject(1, id);
            insert.setString(2, "test|" + id);
            insert.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        double opened = Instant.parse("2001-02-03T04:05:06Z").getEpochSecond();
        awaitMetric("oldest discrepancy", "flexsi_payment_reconciliation_discrepancy_oldest_opened_timestamp_seconds",
                Map.of("channel", "UNIONPAY"), () -> opened, 0);
        try (var connection = db.getConnection(); var resolve = connection.prepareStatement(
                "update ops_issue set state = 'RESOLVED', resolved_at = now() where id = ?")) {
            resolve.setObject(1, id);
            resolve.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        await("resolved discrepancy no longer dated").until(() -> metric(
                "flexsi_payment_reconciliation_discrepancy_oldest_opened_timestamp_seconds", Map.of("channel", "UNIONPAY"))
                .orElse(-1) != opened);
    }

    @Test
    void aDebitBatchItsBankHasNotFetchedAgesUntilItIsFetched() {
        String person = newPerson();
        payableForDebit(db, person, "2025-03");
        agreement(person, OTHER_BANK, newAccount()).then().statusCode(201);
        String batchId = debitBatch(OTHER_BANK, "2025-03").then().statusCode(201).extract().path("batchId");
        double createdAt = Instant.parse("2025-03-22T04:00:00Z").getEpochSecond();
        awaitMetric("unsent batch age", "flexsi_payment_debit_oldest_unsent_seconds", Map.of("bank", OTHER_BANK),
                () -> Instant.now().getEpochSecond() - createdAt, AGE_TOLERANCE);

        bank(OTHER_BANK, OTHER_BANK_SECRET, "GET", "/api/v1/bank/debit-batches/" + batchId + "/file", null)
                .then().statusCode(200);
        // every other batch of otherbank in this database is of a month to come (made on a clock moved there)
        awaitMetric("fetched batch", "flexsi_payment_debit_oldest_unsent_seconds", Map.of("bank", OTHER_BANK), () -> 0.0, 0);
        // daybank's batches are all of months to come: its series reads 0, it is not absent
        assertEquals(0.0, metric("flexsi_payment_debit_oldest_unsent_seconds", Map.of("bank", DAY_BANK)).orElse(-1), 0.0);
    }

    private static void awaitMetric(String what, String name, Map<String, String> labels,
            java.util.function.DoubleSupplier expected, double tolerance) {
        double[] last = { Double.NaN, Double.NaN };
        try {
            await(what).until(() -> {
                last[0] = expected.getAsDouble();
                last[1] = metric(name, labels).orElse(Double.NaN);
                return Math.abs(last[0] - last[1]) <= tolerance;
            });
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + name + labels + " is " + last[1] + ", expected " + last[0], e);
        }
    }

    /** One series of /q/metrics, as Prometheus scrapes it. */
    static OptionalDouble metric(String name, Map<String, String> labels) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> labels.entrySet().stream().allMatch(l -> line.contains(l.getKey() + "=\"" + l.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).findFirst();
    }
}
