package org.flexsi.payment.order;

import static org.awaitility.Awaitility.await;
import static org.flexsi.payment.support.DatabaseSessions.idleInTransaction;
import static org.flexsi.payment.support.DatabaseSessions.lockable;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Creating an order waits on the provider (up to its timeout): meanwhile no row stays locked and no transaction open,
 * so callbacks and other orders of the assessment are not held up, and a second order is still refused.
 */
@QuarkusTest
class SlowProviderOrderTest {
    private static final Duration PROVIDER_DELAY = Duration.ofMillis(2500);

    @Inject
    DataSource db;

    @AfterEach
    void noFaults() {
        clearFaults();
    }

    @Test
    void whileTheProviderCreatesTheOrderNothingIsLockedAndASecondOrderIsRefused() throws Exception {
        String person = newPerson();
        String serial = payable(db, person);
        fault("{\"target\":\"unionpay\",\"mode\":\"slow\",\"delayMs\":" + PROVIDER_DELAY.toMillis() + "}");
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> createOrder(contributor(person), serial,
                "UNIONPAY"));

        String stored = await("order stored, the provider asked").until(() -> text(db, "select id::text from payment"
                + " where assessment_serial = ? and status = 'PAYING' and provider_order_id is null", serial), Objects::nonNull);
        assertTrue(lockable(db, "select 1 from assessment where serial_number = ? for update nowait", serial),
                "the assessment is not locked while the provider answers");
        await("no transaction waits on the provider").during(Duration.ofMillis(1000)).atMost(Duration.ofMillis(2000))
                .until(() -> idleInTransaction(db, Duration.ofMillis(300)) == 0);
        createOrder(contributor(person), serial, "WECHAT").then().statusCode(409)
                .body("type", equalTo("https://flexsi.org/problems/live-order-exists")).body("paymentId", equalTo(stored));
        assertFalse(first.isDone(), "the second order was refused while the provider was still answering the first");

        first.get().then().statusCode(201).body("paymentId", equalTo(stored)).body("status", equalTo("PAYING"))
                .body("qrCode", startsWith("https://qr.95516.com/"));
        assertEquals(1, count(db, "select count(*) from payment where assessment_serial = ?", serial));
    }

    @Test
    void anOrderWhoseInstanceDiedBeforeTheProviderAnsweredDoesNotBlockTheAssessment() {
        String person = newPerson();
        String serial = payable(db, person);
        String abandoned = UUID.randomUUID().toString();
        // stored for the provider call a minute ago (timeout 5 s), never completed: the instance died meanwhile
        execute(db, "insert into payment (id, assessment_serial, person_id, payer_id, region, channel, status, amount, lines,"
                + " created_at, expires_at, updated_at) select ?::uuid, serial_number, person_id, person_id, region, 'WECHAT',"
                + " 'PAYING', total, lines, now() - interval '1 minute', now() + interval '29 minutes', now() - interval '1 minute'"
                + " from assessment where serial_number = ?", abandoned, serial);

        String paymentId = createOrder(contributor(person), serial, "ALIPAY").then().statusCode(201).extract().path("paymentId");
        assertEquals("EXPIRED", text(db, "select status from payment where id = ?::uuid", abandoned));
        assertEquals(null, text(db, "select closed_at::text from payment where id = ?::uuid", abandoned),
                "left for the sweeper to close at the provider");
        assertEquals(1, count(db, "select count(*) from payment where assessment_serial = ? and status = 'PAYING'", serial));
        assertEquals("PAYING", text(db, "select status from payment where id = ?::uuid", paymentId));
    }

    @Test
    void anOrderTheProviderCouldNotTakeIsNotKeptAndTheSameKeyMayRetry() {
        String person = newPerson();
        String serial = payable(db, person);
        String key = "key-" + UUID.randomUUID();
        fault("{\"target\":\"alipay\",\"mode\":\"down\"}");
        createOrder(contributor(person), serial, "ALIPAY", key).then().statusCode(503);
        assertEquals(0, count(db, "select count(*) from payment where assessment_serial = ?", serial));

        clearFaults();
        createOrder(contributor(person), serial, "ALIPAY", key).then().statusCode(201).body("status", equalTo("PAYING"));
        createOrder(contributor(person), serial, "ALIPAY", key).then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        assertEquals(1, count(db, "select count(*) from payment where assessment_serial = ?", serial));
    }
}
