package org.flexsi.payment.reconciliation;

import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import javax.sql.DataSource;
import org.flexsi.payment.support.SimulatorsResource;
import org.junit.jupiter.api.Test;

/**
 * Two instances of payment-service both run the 03:30 reconciliation (and ops may start one by hand at the same
 * moment): the runs of one party and day take turns, so a lost callback is booked by one run only and a difference
 * is raised once, and no run fails on the issue's unique key.
 */
@QuarkusTest
class ConcurrentReconciliationTest {
    private static final int RUNS = 4;

    @Inject
    DataSource db;

    @Test
    void concurrentRunsOfOneDayBookALostCallbackOnceAndRaiseADifferenceOnce() throws Exception {
        String lostPerson = newPerson();
        var lost = createOrder(contributor(lostPerson), payable(db, lostPerson), "ALIPAY").then().statusCode(201).extract();
        String lostId = lost.path("paymentId");
        fault("{\"target\":\"alipay\",\"mode\":\"drop-callbacks\",\"count\":1}");
        pay(lost.path("payUrl"), null).then().statusCode(200);
        assertEquals("PAYING", text(db, "select status from payment where id = ?::uuid", lostId));

        // booked here, unknown to the provider: every run finds the same difference
        String ghostPerson = newPerson();
        String ghostId = createOrder(contributor(ghostPerson), payable(db, ghostPerson), "ALIPAY").then().statusCode(201)
                .extract().path("paymentId");
        providerCallback("alipay", SimulatorsResource.ALIPAY_SECRET, "{\"merchantOrderId\":\"" + ghostId
                + "\",\"transactionId\":\"ali-tx-ghost-concurrent\",\"amount\":\"" + WEIFANG_MONTH_TOTAL
                + "\",\"status\":\"SUCCESS\",\"paidAt\":\"" + java.time.Instant.now() + "\"}").then().statusCode(200);

        // other tests may have left ALIPAY orders of today unbooked or unflagged: what the runs may book and raise is
        // measured, not assumed (the sweeper may book old ones meanwhile, which only lowers what the runs book)
        String paying = "select string_agg(id::text, ',') from payment where channel = 'ALIPAY' and status = 'PAYING'";
        String before = text(db, paying);
        long issuesBefore = count(db, "select count(*) from ops_issue where channel = 'ALIPAY'");
        String body = "{\"channel\":\"ALIPAY\",\"day\":\"" + today() + "\"}";
        CyclicBarrier start = new CyclicBarrier(RUNS);
        List<CompletableFuture<Response>> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return given().header("Authorization", ops()).contentType("application/json").body(body)
                        .post("/api/v1/ops/reconciliations");
            }));
        }
        int booked = 0;
        int raised = 0;
        for (CompletableFuture<Response> run : runs) {
            Response response = run.get();
            assertEquals(200, response.statusCode(), response.asString());
            booked += response.jsonPath().getInt("booked");
            raised += response.jsonPath().getInt("issues");
        }
        assertEquals("PAID", text(db, "select status from payment where id = ?::uuid", lostId));
        assertEquals(1, count(db, "select count(*) from ops_issue where payment_id = ?::uuid", ghostId));
        long becamePaid = count(db, "select count(*) from payment where status = 'PAID' and id::text = any(string_to_array(?, ','))",
                before);
        assertTrue(booked >= 1 && booked <= becamePaid, "each lost callback is booked by one run only: " + booked
                + " bookings for " + becamePaid + " orders that became paid");
        assertEquals(count(db, "select count(*) from ops_issue where channel = 'ALIPAY'") - issuesBefore, raised,
                "each difference is raised by one run only");
    }
}
