package org.flexsi.payment.refund;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Events.awaitEvent;
import static org.flexsi.payment.support.Events.events;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** R25: apply with a bank account, the agency reviews, the money goes back; never more than was paid. */
@QuarkusTest
class RefundTest {
    private static final String ACCOUNT = "\"bankAccount\":\"6222021234567890123\",\"bankName\":\"工商银行武汉分行\","
            + "\"bankCode\":\"102521000011\",\"reason\":\"paid twice\"";

    @Inject
    DataSource db;

    @Test
    void aPensionRefundGoesThroughAgencyReviewAndNeverExceedsTheLine() {
        String person = newPerson();
        String paymentId = paid(person);

        String refundId = apply(contributor(person), paymentId, "[{\"insurance\":\"PENSION\",\"amount\":\"796.00\"}]")
                .then().statusCode(201).body("state", equalTo("IN_REVIEW")).body("agency", equalTo("PENSION"))
                .body("bankAccount", equalTo("***************0123")).extract().path("refundId");
        apply(contributor(person), paymentId, "[{\"insurance\":\"PENSION\",\"amount\":\"0.01\"}]").then().statusCode(422)
                .body("rule", equalTo("refund-exceeds-paid"));
        apply(contributor(person), paymentId, "[{\"insurance\":\"MEDICAL\",\"amount\":\"1.00\"},{\"insurance\":\"PENSION\",\"amount\":\"1.00\"}]")
                .then().statusCode(422);
        apply(contributor(person), paymentId, "[{\"insurance\":\"CARE\",\"amount\":\"1.00\"}]").then().statusCode(422)
                .body("rule", equalTo("refund-line-unknown"));
        apply(contributor(newPerson()), paymentId, "[{\"insurance\":\"MEDICAL\",\"amount\":\"1.00\"}]").then().statusCode(404);

        given().header("Authorization", agency("weifang-medical")).contentType("application/json").body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/agency/refunds/" + refundId + "/decision").then().statusCode(404);
        // the person is in Weifang (370700): Wuhan's pension agency neither sees nor decides his refund (issue 17)
        given().header("Authorization", agency("wuhan-pension")).get("/api/v1/agency/refunds").then().statusCode(200)
                .body("refundId", not(hasItem(refundId)));
        given().header("Authorization", agency("wuhan-pension")).contentType("application/json").body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/agency/refunds/" + refundId + "/decision").then().statusCode(403)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("370700"));
        // an agency token bound to no configured agency loses its role
        given().header("Authorization", agency("pension")).contentType("application/json").body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/agency/refunds/" + refundId + "/decision").then().statusCode(403);
        assertEquals("IN_REVIEW", text(db, "select state from refund where id = ?::uuid", refundId));
        assertEquals(0, count(db, "select count(*) from access_audit where record_id = ?", refundId));
        given().header("Authorization", agency("weifang-pension")).get("/api/v1/agency/refunds").then().statusCode(200)
                .body("find { it.refundId == '" + refundId + "' }.region", equalTo("370700"));
        given().header("Authorization", agency("weifang-pension")).contentType("application/json").body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/agency/refunds/" + refundId + "/decision").then().statusCode(200).body("state", equalTo("PAYING_OUT"));
        // the decision is in the access audit: who, as which agency
        assertEquals("refund-decision weifang-pension agency",
                text(db, "select action || ' ' || agency || ' ' || role from access_audit where record_type = 'refund' and record_id = ?",
                        refundId));
        given().header("Authorization", agency("weifang-pension")).contentType("application/json").body("{\"decision\":\"APPROVE\"}")
                .post("/api/v1/agency/refunds/" + refundId + "/decision").then().statusCode(409);
        // paid back by the payout worker (RefundPayoutTest), then announced
        await("refunded").until(() -> "REFUNDED".equals(text(db, "select state from refund where id = ?::uuid", refundId)));

        JsonNode event = awaitEvent(refundId, PaymentRefunded.TYPE);
        assertEquals(paymentId, event.get("paymentId").asText());
        assertEquals("796.00", event.get("total").asText());
        assertEquals("PENSION", event.get("lines").get(0).get("insurance").asText());
        assertEquals(1, events(refundId, PaymentRefunded.TYPE));
        given().header("Authorization", contributor(person)).get("/api/v1/refunds/" + refundId).then().statusCode(200)
                .body("state", equalTo("REFUNDED"));
        given().header("Authorization", contributor(newPerson())).get("/api/v1/refunds/" + refundId).then().statusCode(404);
    }

    @Test
    void aMedicalRefundAppliedForByAProxyWaitsForThePersonsOwnApplication() {
        String person = newPerson();
        String proxyId = newPerson();
        link(proxyId, person);
        String serial = payable(db, person);
        await("proxy link").until(() -> count(db, "select count(*) from proxy_link where proxy_id = ?", proxyId) == 1);
        String paymentId = paidOnline(db, proxy(proxyId), serial);
        await("paid").until(() -> "PAID".equals(text(db, "select status from payment where id = ?::uuid", paymentId)));

        String refundId = apply(proxy(proxyId), paymentId, "[{\"insurance\":\"MEDICAL\",\"amount\":\"100.00\"}]").then()
                .statusCode(201).body("state", equalTo("AWAITING_PERSON")).extract().path("refundId");
        given().header("Authorization", agency("weifang-medical")).get("/api/v1/agency/refunds").then().statusCode(200)
                .body("refundId", not(hasItem(refundId)));
        given().header("Authorization", contributor(newPerson())).post("/api/v1/refunds/" + refundId + "/personal-application")
                .then().statusCode(404);
        given().header("Authorization", contributor(person)).post("/api/v1/refunds/" + refundId + "/personal-application")
                .then().statusCode(200).body("state", equalTo("IN_REVIEW"));
        given().header("Authorization", agency("weifang-medical")).contentType("application/json").body("{\"decision\":\"REJECT\"}")
                .post("/api/v1/agency/refunds/" + refundId + "/decision").then().statusCode(400);
        given().header("Authorization", agency("weifang-medical")).contentType("application/json")
                .body("{\"decision\":\"REJECT\",\"reason\":\"benefits already used\"}")
                .post("/api/v1/agency/refunds/" + refundId + "/decision").then().statusCode(200).body("state", equalTo("REJECTED"));
        // a rejected application frees the line again
        apply(proxy(proxyId), paymentId, "[{\"insurance\":\"MEDICAL\",\"amount\":\"238.80\"}]").then().statusCode(201);
    }

    @Test
    void badApplicationsAreProblemsAndStoreNothing() {
        String person = newPerson();
        String paymentId = paid(person);
        long before = count(db, "select count(*) from refund");
        for (String body : new String[] { "{", "[]", "{\"region\": [\"x\"], \"amount\": \"NaN\", \"year\": 99999999999}",
                "\"" + "x".repeat(70_000) + "\"",
                "{\"lines\":[{\"insurance\":\"PENSION\",\"amount\":\"1.00\"}]," + ACCOUNT.replace("102521000011", "1025") + "}",
                "{\"lines\":[{\"insurance\":\"PENSION\",\"amount\":\"1.00\"}]," + ACCOUNT.replace("6222021234567890123", "62-22") + "}",
                "{\"lines\":[]," + ACCOUNT + "}" }) {
            given().header("Authorization", contributor(person)).header("Idempotency-Key", "k-" + UUID.randomUUID())
                    .contentType("application/json").body(body).post("/api/v1/payments/" + paymentId + "/refunds")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().contentType("application/json").body("{}").post("/api/v1/payments/" + paymentId + "/refunds").then().statusCode(401);
        given().header("Authorization", ops()).header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json")
                .body("{\"lines\":[{\"insurance\":\"PENSION\",\"amount\":\"1.00\"}]," + ACCOUNT + "}")
                .post("/api/v1/payments/" + paymentId + "/refunds").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(Roles.AGENCY, "weifang-tax")).get("/api/v1/agency/refunds").then().statusCode(403);
        assertEquals(before, count(db, "select count(*) from refund"));
    }

    private String paid(String person) {
        String paymentId = paidOnline(db, contributor(person), payable(db, person));
        await("paid").until(() -> "PAID".equals(text(db, "select status from payment where id = ?::uuid", paymentId)));
        return paymentId;
    }

    private static Response apply(String token, String paymentId, String lines) {
        return given().header("Authorization", token).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json").body("{\"lines\":" + lines + "," + ACCOUNT + "}")
                .post("/api/v1/payments/" + paymentId + "/refunds");
    }

    private static String agency(String which) {
        return TestTokens.bearer(Roles.AGENCY, which);
    }
}
