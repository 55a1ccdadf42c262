package org.flexsi.payment.callback;

import static org.flexsi.payment.support.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.flexsi.payment.support.SimulatorsResource;
import org.junit.jupiter.api.Test;

/**
 * A provider retries its callback when an answer is slow or an instance dies, and behind the proxy the retries land
 * on different instances at once: the payment is booked by the first and the others see it booked (they once decided
 * on the PAYING copy they had read before the lock and refunded the paid order as "no longer payable"; found by
 * system-tests ScaleOutIT).
 */
@QuarkusTest
class ConcurrentCallbacksTest {
    private static final int CALLBACKS = 4;

    @Inject
    DataSource db;

    @Test
    void theSameSuccessReportedConcurrentlyIsBookedOnceAndNeverRefunded() throws Exception {
        for (int round = 0; round < 3; round++) {
            String person = newPerson();
            String paymentId = createOrder(contributor(person), payable(db, person), "WECHAT").then().statusCode(201)
                    .extract().path("paymentId");
            String body = "{\"merchantOrderId\":\"" + paymentId + "\",\"transactionId\":\"wx-tx-concurrent-" + paymentId
                    + "\",\"amount\":\"" + WEIFANG_MONTH_TOTAL + "\",\"status\":\"SUCCESS\",\"paidAt\":\"" + Instant.now() + "\"}";
            CyclicBarrier start = new CyclicBarrier(CALLBACKS);
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < CALLBACKS; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return providerCallback("wechat", SimulatorsResource.WECHAT_SECRET, body);
                }));
            }
            for (CompletableFuture<Response> call : calls) {
                Response answer = call.get();
                assertEquals(200, answer.statusCode(), answer.asString());
            }
            assertEquals("PAID", text(db, "select status from payment where id = ?::uuid", paymentId));
            assertEquals(0, count(db, "select count(*) from refund where payment_id = ?::uuid", paymentId));
            // the event's subject is the person, who has this one payment
            assertEquals(1, count(db, "select count(*) from outbox_event where subject = ?"
                    + " and event_type = 'org.flexsi.payment.succeeded.v1'", person));
        }
    }
}
