package org.flexsi.payment.batchdebit;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Objects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A batch the bank refused (stalebank: our key was rotated away) is sent again by ops, and only by ops. */
@QuarkusTest
class DebitResendTest {
    @Inject
    DataSource db;

    @Test
    void aRefusedBatchIsSentAgainWhenOpsAskOnceAndOnlyThen() {
        String person = newPerson();
        String serial = payableForDebit(db, person);
        agreement(person, STALE_BANK, newAccount()).then().statusCode(201);
        String batchId = debitBatch(STALE_BANK, "2031-05").then().statusCode(201).extract().path("batchId");

        JsonPath refused = awaitRefused(batchId, 1);
        assertTrue(refused.getString("submission.lastError").contains("401"), refused.getString("submission.lastError"));
        assertEquals(null, refused.getString("submission.resentBy"));
        String resentBefore = text(db, "select coalesce(resent_at::text, '') from debit_batch where id = ?::uuid", batchId);
        assertEquals("", resentBefore);

        String key = "resend-" + UUID.randomUUID();
        resend(batchId, ops(), key).then().statusCode(200).body("batchId", equalTo(batchId))
                .body("submission.state", equalTo("SEND")).body("submission.resentBy", equalTo("ops-1"));
        // the key gone: the bank still refuses our stale key, so the batch is REFUSED again after one more send
        JsonPath again = awaitRefused(batchId, 2);
        assertEquals("ops-1", again.getString("submission.resentBy"));
        String resentAt = text(db, "select resent_at::text from debit_batch where id = ?::uuid", batchId);

        // a retry of the same request answers as before and changes nothing
        resend(batchId, ops(), key).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("submission.state", equalTo("SEND"));
        assertEquals(resentAt, text(db, "select resent_at::text from debit_batch where id = ?::uuid", batchId));
        assertEquals("REFUSED", text(db, "select submission from debit_batch where id = ?::uuid", batchId));
        assertEquals("PAYING", text(db, "select status from payment where assessment_serial = ? and channel = 'BANK_DEBIT'",
                serial), "a refused file debits nobody");
    }

    @Test
    void onlyOpsMaySendABatchAgainAndOnlyARefusedOne() {
        String person = newPerson();
        payableForDebit(db, person);
        agreement(person, OTHER_BANK, newAccount()).then().statusCode(201);
        // otherbank fetches its files itself: its batch is PULL, never REFUSED
        String pulled = debitBatch(OTHER_BANK, "2031-06").then().statusCode(201)
                .body("submission.state", equalTo("PULL")).extract().path("batchId");
        String key = "resend-" + UUID.randomUUID();

        resend(pulled, ops(), key).then().statusCode(409).contentType(containsString("problem+json"))
                .body("detail", containsString("PULL"));
        resend(UUID.randomUUID().toString(), ops(), "resend-" + UUID.randomUUID()).then().statusCode(404);
        resend(pulled, ops(), null).then().statusCode(400).body("detail", containsString("Idempotency-Key"));
        resend(pulled, contributor(person), "resend-" + UUID.randomUUID()).then().statusCode(403);
        given().header("Idempotency-Key", "resend-" + UUID.randomUUID())
                .post("/api/v1/ops/debit-batches/" + pulled + "/resend").then().statusCode(401);
        assertEquals("PULL", text(db, "select submission from debit_batch where id = ?::uuid", pulled));
        assertEquals(0, count(db, "select count(*) from debit_batch where id = ?::uuid and resent_by is not null", pulled));
    }

    private static Response resend(String batchId, String token, String key) {
        var request = given().header("Authorization", token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/ops/debit-batches/" + batchId + "/resend");
    }

    private static JsonPath awaitRefused(String batchId, int attempts) {
        return await("batch " + batchId + " refused after " + attempts + " sends").until(() -> {
            JsonPath view = batchView(STALE_BANK, batchId);
            return "REFUSED".equals(view.getString("submission.state")) && view.getInt("submission.attempts") == attempts
                    ? view : null;
        }, Objects::nonNull);
    }
}
