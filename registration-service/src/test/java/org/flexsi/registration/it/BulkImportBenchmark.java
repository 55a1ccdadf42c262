package org.flexsi.registration.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.StringJoiner;
import org.flexsi.registration.identity.IdNumbers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bulk import of 10,000 registrations in one call; prints the figures, asserts only the outcome. Runs on
 * demand: {@code ./mvnw -o -q install -pl registration-service -Dflexsi.test.excluded-groups=none -Dtest=BulkImportBenchmark}.
 */
@QuarkusTest
@Tag("benchmark")
class BulkImportBenchmark {
    private static final int ROWS = 10_000;
    /** One call carries all rows: wait for it longer than the tests' default socket timeout. */
    private static final RestAssuredConfig PATIENT = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 1_800_000));

    @Inject
    EntityManager em;

    @Test
    void tenThousandRegistrationsInOneCall() {
        StringJoiner body = new StringJoiner(",", "[", "]");
        LocalDate birth = LocalDate.of(1975, 1, 1);
        for (int i = 0; i < ROWS; i++) {
            // distinct numbers: one birth day per 500 rows, odd sequence numbers (men)
            String first17 = "420107" + birth.plusDays(i / 500).toString().replace("-", "") + String.format("%03d", (i % 500) * 2 + 1);
            body.add(Fixtures.wuhanBody(first17 + IdNumbers.checkCharacter(first17)));
        }
        long outboxBefore = Fixtures.count(em, "select count(*) from outbox_event");

        long start = System.nanoTime();
        Response response = given().config(PATIENT).header("Authorization", Fixtures.AGENCY).contentType("application/json")
                .body(body.toString()).post("/api/v1/persons/bulk");
        double seconds = (System.nanoTime() - start) / 1e9;
        response.then().statusCode(200);
        int registered = response.path("registered");

        long relayStart = System.nanoTime();
        await("every event relayed").atMost(Duration.ofMinutes(10))
                .until(() -> Fixtures.count(em, "select count(*) from outbox_event where sent_at is null") == 0);
        double relaySeconds = (System.nanoTime() - relayStart) / 1e9;
        long events = Fixtures.count(em, "select count(*) from outbox_event") - outboxBefore;

        System.out.printf("BENCHMARK bulk import: %d rows in %.1f s (%.0f rows/s, %.2f ms/row); %d events relayed to Kafka"
                + " %.1f s after the answer; request body %d KB%n", ROWS, seconds, ROWS / seconds, seconds * 1000 / ROWS,
                events, relaySeconds, body.length() / 1024);

        long resent = System.nanoTime();
        Response again = given().config(PATIENT).header("Authorization", Fixtures.AGENCY).contentType("application/json")
                .body(body.toString()).post("/api/v1/persons/bulk");
        System.out.printf("BENCHMARK re-send of the same %d rows: %.1f s, %d already registered%n", ROWS,
                (System.nanoTime() - resent) / 1e9, again.<Integer>path("alreadyRegistered"));
        assertEquals(ROWS, registered);
    }
}
