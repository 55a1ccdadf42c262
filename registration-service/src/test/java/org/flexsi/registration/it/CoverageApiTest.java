package org.flexsi.registration.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CoverageApiTest {

    /** A payment of the given medical months, made (in China) in the month {@code paidIn}. */
    private static PaymentSucceeded payment(String personId, String paymentId, String paidIn, String... months) {
        Instant at = YearMonth.parse(paidIn).atDay(10).atStartOfDay().toInstant(java.time.ZoneOffset.ofHours(8));
        String amount = String.format("%d.00", 100 * months.length);
        return new PaymentSucceeded(paymentId, "S-" + paymentId, personId, personId, "420100", "WECHAT", "wechat",
                "tx-" + paymentId, List.of(new LineItem("MEDICAL", List.of(months), "3980.00", "0.08", amount, null)), amount, at);
    }

    private static ValidatableResponse coverage(String personId, String month) {
        return given().header("Authorization", TestTokens.bearer("contributor", personId))
                .get("/api/v1/persons/" + personId + "/coverage?month=" + month).then().statusCode(200);
    }

    private static void awaitStatus(String personId, String month, String status) {
        await(personId + " " + month + " " + status).until(() -> status.equals(given().header("Authorization", Fixtures.AGENCY)
                .get("/api/v1/persons/" + personId + "/coverage?month=" + month).then().extract().path("status")));
    }

    @Test
    void paymentsDriveTheMedicalBenefitStatus() {
        String personId = Fixtures.registerWuhan();
        coverage(personId, "2025-12").body("status", equalTo("NOT_ENROLLED")).body("covered", equalTo(false));
        coverage(personId, "2026-01").body("status", equalTo("COVERED"));
        coverage(personId, "2026-02").body("status", equalTo("ARREARS")).body("arrears", equalTo(List.of("2026-01")));

        TestKafka.publish(payment(personId, UUID.randomUUID().toString(), "2026-01", "2026-01"), "/flexsi/payment-service");
        TestKafka.publish(payment(personId, UUID.randomUUID().toString(), "2026-02", "2026-02"), "/flexsi/payment-service");
        awaitStatus(personId, "2026-03", "COVERED");

        // March to June unpaid, then paid together in July: over 3 months, so July to September wait
        TestKafka.publish(payment(personId, UUID.randomUUID().toString(), "2026-07",
                Stream.of("2026-03", "2026-04", "2026-05", "2026-06", "2026-07").toArray(String[]::new)), "/flexsi/payment-service");
        awaitStatus(personId, "2026-08", "WAITING");
        coverage(personId, "2026-08").body("coveredFrom", equalTo("2026-10")).body("covered", equalTo(false));
        coverage(personId, "2026-04").body("covered", equalTo(false));
    }

    @Test
    void aRefundMakesTheMonthUnpaidAgainAndARedeliveryChangesNothing() {
        String personId = Fixtures.registerWuhan();
        PaymentSucceeded paid = payment(personId, UUID.randomUUID().toString(), "2026-01", "2026-01");
        TestKafka.publish(paid, "/flexsi/payment-service");
        awaitStatus(personId, "2026-02", "COVERED");
        TestKafka.publish(new PaymentRefunded("R-1", paid.paymentId(), paid.assessmentSerial(), personId, "420100",
                paid.lines(), paid.total(), "double payment", Instant.now(), "APPLICATION"), "/flexsi/payment-service");
        awaitStatus(personId, "2026-02", "ARREARS");
    }

    @Test
    void aContributorSeesOnlyHisOwnCoverage() {
        String personId = Fixtures.registerWuhan();
        given().header("Authorization", TestTokens.bearer("contributor", UUID.randomUUID().toString()))
                .get("/api/v1/persons/" + personId + "/coverage").then().statusCode(403);
        given().get("/api/v1/persons/" + personId + "/coverage").then().statusCode(401);
        given().header("Authorization", Fixtures.AGENCY).get("/api/v1/persons/" + personId + "/coverage?month=2026-13")
                .then().statusCode(400);
        given().header("Authorization", Fixtures.AGENCY).get("/api/v1/persons/" + UUID.randomUUID() + "/coverage")
                .then().statusCode(404);
    }
}
