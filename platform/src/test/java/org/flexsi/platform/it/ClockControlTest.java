package org.flexsi.platform.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.platform.time.PlatformClock;
import org.junit.jupiter.api.Test;

/** With {@code flexsi.test.clock-control=true} an operator moves the process's clock and brings it back. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@TestProfile(ClockControlTest.Enabled.class)
class ClockControlTest {
    private static final String OPS = TestTokens.bearer("ops", "ops-1");

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("flexsi.test.clock-control", "true");
        }
    }

    @Inject
    PlatformClock clock;

    @Test
    void anOperatorMovesTheClockAndBringsItBack() {
        Instant target = Instant.now().plus(Duration.ofDays(2));
        given().header("Authorization", OPS).contentType("application/json").body("{\"instant\":\"" + target + "\"}")
                .put("/q/flexsi/clock").then().statusCode(200).body("now", containsString(target.toString().substring(0, 13)));
        // two days ahead, less the moments the request took
        assertTrue(clock.offset().compareTo(Duration.ofDays(2).minusMinutes(1)) > 0, "the injected clock moved: " + clock.offset());
        given().header("Authorization", OPS).get("/q/flexsi/clock").then().statusCode(200);
        given().header("Authorization", OPS).delete("/q/flexsi/clock").then().statusCode(200).body("offsetSeconds", equalTo(0));
        assertEquals(Duration.ZERO, clock.offset(), "real time again");
    }

    @Test
    void onlyAnOperatorMayAndOnlyWithAnInstant() {
        given().contentType("application/json").body("{\"instant\":\"" + Instant.now() + "\"}").put("/q/flexsi/clock")
                .then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("contributor", "p-1")).contentType("application/json")
                .body("{\"instant\":\"" + Instant.now().plusSeconds(86_400) + "\"}").put("/q/flexsi/clock").then().statusCode(403);
        given().header("Authorization", OPS).contentType("application/json").body("{\"instant\":\"tomorrow\"}")
                .put("/q/flexsi/clock").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", OPS).contentType("application/json").body("{\"instant\":\"" + Instant.now() + "\",\"x\":1}")
                .put("/q/flexsi/clock").then().statusCode(400).contentType("application/problem+json");
        assertEquals(Duration.ZERO, clock.offset(), "refused settings moved nothing");
    }
}
