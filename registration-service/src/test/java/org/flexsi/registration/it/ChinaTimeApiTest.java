package org.flexsi.registration.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.platform.time.PlatformClock;
import org.junit.jupiter.api.Test;

/** Issue 18: registration reads the time from the platform clock, in China time, so tests can choose the date. */
@QuarkusTest
class ChinaTimeApiTest {
    @Inject
    PlatformClock clock;


    @Test
    void theCurrentMonthOfTheCoverageIsChinas() {
        String personId = Fixtures.registerWuhan();
        clock.setTo(Instant.parse("2026-03-31T16:30:00Z")); // 00:30 on 1 April in Beijing, still March in UTC
        given().header("Authorization", TestTokens.bearer("contributor", personId))
                .get("/api/v1/persons/" + personId + "/coverage").then().statusCode(200).body("month", equalTo("2026-04"));
    }

    @Test
    void aConsentDateIsInTheFutureByChinasCalendar() {
        String id = Fixtures.freshId();
        Fixtures.agency().body(Fixtures.wuhanBody(id)).post("/api/v1/persons").then().statusCode(201);
        String body = "{\"idNumber\":\"" + id + "\",\"name\":\"张伟\",\"consentDate\":\"2026-01-10\"}";

        clock.setTo(Instant.parse("2026-01-09T15:30:00Z")); // 23:30 on 9 January in Beijing
        Fixtures.as(TestTokens.bearer("proxy", "proxy-" + UUID.randomUUID())).body(body).post("/api/v1/proxy/persons")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("consentDate"));
        clock.setTo(Instant.parse("2026-01-09T16:30:00Z")); // 00:30 on 10 January in Beijing, still the 9th in UTC
        Fixtures.as(TestTokens.bearer("proxy", "proxy-" + UUID.randomUUID())).body(body).post("/api/v1/proxy/persons")
                .then().statusCode(201);
    }
}
