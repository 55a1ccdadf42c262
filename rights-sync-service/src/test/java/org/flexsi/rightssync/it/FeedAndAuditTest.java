package org.flexsi.rightssync.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.rightssync.it.Fixtures.awaitStatuses;
import static org.flexsi.rightssync.it.Fixtures.held;
import static org.flexsi.rightssync.it.Fixtures.records;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Objects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.platform.time.BusinessTime;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.fault.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedAndAuditTest {
    private static final String MEDICAL = TestTokens.bearer("agency", "jinan-medical");

    @AfterEach
    void clearFaults() {
        AgencySimulators.simulators().faults().clear();
    }

    @Test
    void anAgencyPullsItsRecordsAfterACursorAndConfirmsThem() {
        AgencySimulators.simulators().faults().inject(Fault.down(Party.MEDICAL));
        String person = Fixtures.person();
        Fixtures.register(person);
        PaymentSucceeded payment = new PaymentSucceeded("pay-" + UUID.randomUUID(), "AS-1", person, person, "370100", "UNIONPAY",
                "unionpay", "tx-9", List.of(new LineItem("MEDICAL", List.of("2026-11"), "3746.00", "0.09", "337.14", null)),
                "337.14", Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        String recordId = await("the record").until(() -> records(payment.paymentId()).getString("records[0].recordId"), Objects::nonNull);

        Map<String, Object> pulled = await("the record in the medical feed").until(() -> find(recordId), Objects::nonNull);
        assertEquals("370702198807150014", pulled.get("idNumber"), "the agency gets what it books by");
        assertEquals("337.14", pulled.get("amount"));
        long cursor = ((Number) pulled.get("cursor")).longValue();
        JsonPath after = given().header("Authorization", MEDICAL).queryParam("after", cursor).queryParam("limit", 1000)
                .get("/api/v1/agencies/medical/records").then().statusCode(200).extract().jsonPath();
        assertFalse(after.getList("records.recordId").contains(recordId), "a cursor moves past what was read");

        String decision = "{\"decisions\":[{\"recordId\":\"" + recordId + "\",\"status\":\"CONFIRMED\",\"agencyReference\":\"MED-PULL-1\","
                + "\"decidedAt\":\"" + Instant.now() + "\"}]}";
        given().header("Authorization", MEDICAL).contentType("application/json").body(decision)
                .post("/api/v1/agencies/medical/confirmations").then().statusCode(200)
                .body("results[0].outcome", equalTo("APPLIED"));
        given().header("Authorization", MEDICAL).contentType("application/json").body(decision)
                .post("/api/v1/agencies/medical/confirmations").then().statusCode(200)
                .body("results[0].outcome", equalTo("DUPLICATE"));
        given().header("Authorization", TestTokens.bearer("agency", "jinan-pension")).contentType("application/json").body(decision)
                .post("/api/v1/agencies/medical/confirmations").then().statusCode(403);
        assertEquals("MED-PULL-1", records(payment.paymentId()).getString("records[0].agencyReference"));

        AgencySimulators.simulators().faults().clear();
        Fixtures.awaitLaneRound(Party.MEDICAL);
        assertTrue(held(Party.MEDICAL, person).isEmpty(), "a record confirmed by pull is not pushed as well");
        given().header("Authorization", MEDICAL).queryParam("after", "-1").get("/api/v1/agencies/medical/records")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theAuditExportListsEachDecisionOfTheDayWithTheAgencyReference() {
        String person = Fixtures.person();
        Fixtures.register(person);
        PaymentSucceeded payment = Fixtures.pension(person, "2026-12", Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        JsonPath confirmed = awaitStatuses(payment.paymentId(), 1, "CONFIRMED");
        String day = LocalDate.ofInstant(Instant.parse(confirmed.getString("records[0].recordedAt")), BusinessTime.ZONE).toString();

        String csv = given().header("Authorization", TestTokens.bearer("agency", "weifang-pension")).queryParam("agency", "PENSION")
                .queryParam("date", day).get("/api/v1/rights/audit").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("rights-pension-" + day))
                .extract().asString();
        assertTrue(csv.startsWith("record_id,kind,person_id,payment_id"), csv);
        String line = csv.lines().filter(l -> l.startsWith(confirmed.getString("records[0].recordId"))).findFirst().orElseThrow();
        assertTrue(line.contains(confirmed.getString("records[0].agencyReference")), line);
        assertFalse(csv.contains("370702198807150014"), "no ID numbers in an export");
        String wuhan = given().header("Authorization", TestTokens.bearer("agency", "wuhan-pension")).queryParam("agency", "PENSION")
                .queryParam("date", day).get("/api/v1/rights/audit").then().statusCode(200).extract().asString();
        assertFalse(wuhan.contains(confirmed.getString("records[0].recordId")), "another region's decisions are not Wuhan's");

        given().header("Authorization", Fixtures.OPS).queryParam("agency", "PENSION").queryParam("date", "2026-02-30")
                .get("/api/v1/rights/audit").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Fixtures.OPS).queryParam("agency", "TAX").queryParam("date", day)
                .get("/api/v1/rights/audit").then().statusCode(400);
    }

    @Test
    void metricsShowTheLagHistogramAndTheBacklog() {
        String person = Fixtures.person();
        Fixtures.register(person);
        PaymentSucceeded payment = Fixtures.pension(person, "2026-11", Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        awaitStatuses(payment.paymentId(), 1, "CONFIRMED");
        await("metrics").until(() -> given().get("/q/metrics").then().extract().asString()
                .contains("flexsi_rights_pending{"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("flexsi_rights_confirmation_lag_seconds_bucket{agency=\"PENSION\",le=\"10.0\"}"), metrics);
        assertTrue(metrics.contains("flexsi_rights_confirmation_lag_seconds_count{agency=\"PENSION\"}"));
        assertTrue(metrics.contains("flexsi_rights_records_sent_total{agency=\"PENSION\"}"));
    }

    private static Map<String, Object> find(String recordId) {
        long after = 0;
        while (true) {
            JsonPath page = given().header("Authorization", MEDICAL).queryParam("after", after).queryParam("limit", 1000)
                    .get("/api/v1/agencies/medical/records").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> records = page.getList("records");
            if (records.isEmpty()) {
                return null;
            }
            for (Map<String, Object> r : records) {
                if (recordId.equals(r.get("recordId"))) {
                    return r;
                }
            }
            after = page.getLong("nextCursor");
        }
    }
}
