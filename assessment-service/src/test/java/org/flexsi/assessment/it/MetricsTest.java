package org.flexsi.assessment.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.assessment.it.Fixtures.REGISTRATION;
import static org.flexsi.assessment.it.Fixtures.as;
import static org.flexsi.assessment.it.Fixtures.count;
import static org.flexsi.assessment.it.Fixtures.enrol;
import static org.flexsi.assessment.it.Fixtures.key;
import static org.flexsi.assessment.it.Fixtures.newPerson;
import static org.flexsi.assessment.it.Fixtures.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flexsi.assessment.assessment.AssessmentService;
import org.flexsi.contracts.events.EnrolmentInterrupted;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.time.PlatformClock;
import org.junit.jupiter.api.Test;

/** Issue 20: assessment-service's business figures at /q/metrics, counted once what they count has committed. */
@QuarkusTest
class MetricsTest {
    private static final Instant JINAN_MAY_2022 = Instant.parse("2022-05-15T02:00:00Z");
    private static final String CREATED = "flexsi_assessment_assessments_created_total";
    private static final String EXPIRED = "flexsi_assessment_assessments_expired_total";
    private static final String CANCELLED = "flexsi_assessment_assessments_cancelled_total";
    private static final String QUOTES = "flexsi_assessment_quotes_total";
    private static final String QUOTE = """
            {"region": "370100", "year": %d, "months": ["2022-05"],
             "insurances": [{"insurance": "PENSION", "base": "3746"}, {"insurance": "MEDICAL", "plan": "POOLED_ONLY"}]}""";

    @Inject
    PlatformClock clock;
    @Inject
    AssessmentService service;
    @Inject
    EntityManager em;


    @Test
    void everyReasonHasItsSeriesFromTheStartUnderTheServicePrefix() {
        String metrics = metrics();
        for (String reason : List.of("lifetime", "window-closed", "agency-deadline")) {
            assertTrue(series(metrics, EXPIRED, "reason", reason), reason);
        }
        for (String reason : List.of("requested", "enrolment-started", "enrolment-interrupted", "enrolment-suspended",
                "enrolment-continued", "medical-rate-changed")) {
            assertTrue(series(metrics, CANCELLED, "reason", reason), reason);
        }
        assertTrue(metrics.lines().anyMatch(line -> line.matches("# TYPE flexsi_assessment_assessments_expired(_total)? counter")),
                "expiries are a counter");
        assertFalse(metrics.contains("flexsi_assessments_"), "the names without the service's prefix are gone");
    }

    @Test
    void quotesCreatedCancelledAndExpiredAssessmentsAreCountedOnceCommitted() {
        clock.setTo(JINAN_MAY_2022);
        double quotes = metric(QUOTES, "region", "370100");
        double self = metric(CREATED, "region", "370100", "source", "self");
        double agency = metric(CREATED, "region", "360000", "source", "agency");
        double requested = metric(CANCELLED, "reason", "requested");
        double interrupted = metric(CANCELLED, "reason", "enrolment-interrupted");

        // quotes: an answered one counts, a refused one (no catalogue for the year) does not
        as("contributor", "p-1").body(QUOTE.formatted(2022)).post("/api/v1/quotes").then().statusCode(200);
        as("contributor", "p-1").body(QUOTE.formatted(2030)).post("/api/v1/quotes").then().statusCode(422);
        assertEquals(quotes + 1, metric(QUOTES, "region", "370100"));

        // self-selected: a retry replays the answer and counts nothing
        String cancelled = jinanPerson();
        String key = key();
        String serial = as("contributor", cancelled).header("Idempotency-Key", key).body(body(cancelled, "2022-01"))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("serialNumber");
        as("contributor", cancelled).header("Idempotency-Key", key).body(body(cancelled, "2022-01"))
                .post("/api/v1/assessments").then().statusCode(201).header("Idempotent-Replayed", "true");
        String stale = jinanPerson();
        as("contributor", stale).header("Idempotency-Key", key()).body(body(stale, "2022-03")).post("/api/v1/assessments")
                .then().statusCode(201);
        String expiring = jinanPerson();
        String lapsed = as("contributor", expiring).header("Idempotency-Key", key()).body(body(expiring, "2022-02"))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("serialNumber");
        assertEquals(self + 3, metric(CREATED, "region", "370100", "source", "self"));

        // cancelled on request (a retry counts nothing), and by an interruption registration announces (issue 16)
        String cancelKey = key();
        as("contributor", cancelled).header("Idempotency-Key", cancelKey).body("{\"reason\": \"chose another grade\"}")
                .post("/api/v1/assessments/" + serial + "/cancellation").then().statusCode(200);
        as("contributor", cancelled).header("Idempotency-Key", cancelKey).body("{\"reason\": \"chose another grade\"}")
                .post("/api/v1/assessments/" + serial + "/cancellation").then().statusCode(200);
        assertEquals(requested + 1, metric(CANCELLED, "reason", "requested"));
        TestKafka.publish(new EnrolmentInterrupted(stale, "PENSION", "370100", "2022-02", "lost income", Instant.now(), 9L),
                REGISTRATION);
        await().until(() -> metric(CANCELLED, "reason", "enrolment-interrupted") == interrupted + 1);
        assertEquals(1, count("select count(*) from assessment where person_id = '" + stale + "' and status = 'CANCELLED'"));

        // an agency push: counted by the region it was assessed in; a push refused part-way rolls back and counts nothing
        String jiangxi = newPerson();
        String idNumber = "36010219850101" + String.format("%04d", Math.abs(jiangxi.hashCode() % 10_000));
        register(jiangxi, idNumber, "孙九", "360102", enrol(jiangxi, "PENSION", "360102", "2019-01", "60", null, null, null));
        String pushed = as("agency", "jiangxi-pension").header("Idempotency-Key", key())
                .body(push(item("M-" + jiangxi, idNumber, JINAN_MAY_2022.plus(Duration.ofHours(1)), "360000")))
                .post("/api/v1/agency/assessments").then().statusCode(200).extract().path("accepted[0].serialNumber");
        as("agency", "jiangxi-pension").header("Idempotency-Key", key())
                .body(push(item("N-" + jiangxi, idNumber, null, "360000") + ", " + item("O-" + jiangxi, idNumber, null, "370700")))
                .post("/api/v1/agency/assessments").then().statusCode(403);
        assertEquals(0, count("select count(*) from assessment where agency_reference = 'N-" + jiangxi + "'"));
        assertEquals(agency + 1, metric(CREATED, "region", "360000", "source", "agency"));

        // expiry, by reason: what this run expired, as the rows say, is what the counters add
        Instant later = JINAN_MAY_2022.plus(Duration.ofHours(25));
        clock.setTo(later);
        double lifetime = metric(EXPIRED, "reason", "lifetime");
        double windowClosed = metric(EXPIRED, "reason", "window-closed");
        double agencyDeadline = metric(EXPIRED, "reason", "agency-deadline");
        Instant from = clock.instant();
        while (service.expireDue(500) > 0) {
            // until none is due
        }
        Instant to = clock.instant();
        assertEquals("EXPIRED", Fixtures.text("select status from assessment where serial_number = '" + lapsed + "'"));
        assertEquals("EXPIRED", Fixtures.text("select status from assessment where serial_number = '" + pushed + "'"));
        long byLifetime = expiredAt(from, to, "source = 'SELF_SELECTED' and expires_at - created_at >= interval '24 hours'");
        long byWindow = expiredAt(from, to, "source = 'SELF_SELECTED' and expires_at - created_at < interval '24 hours'");
        long byAgency = expiredAt(from, to, "source = 'AGENCY'");
        assertTrue(byLifetime >= 1 && byAgency >= 1, byLifetime + " " + byAgency);
        assertEquals(lifetime + byLifetime, metric(EXPIRED, "reason", "lifetime"));
        assertEquals(windowClosed + byWindow, metric(EXPIRED, "reason", "window-closed"));
        assertEquals(agencyDeadline + byAgency, metric(EXPIRED, "reason", "agency-deadline"));
    }

    /** Assessments this expiry run closed (the platform clock runs on from where it was set), matching {@code condition}. */
    private long expiredAt(Instant from, Instant to, String condition) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from assessment"
                        + " where status = 'EXPIRED' and closed_at between ?1 and ?2 and " + condition)
                .setParameter(1, Timestamp.from(from)).setParameter(2, Timestamp.from(to)).getSingleResult()).longValue());
    }

    private static String push(String items) {
        return "{\"assessments\": [" + items + "]}";
    }

    private static String item(String reference, String idNumber, Instant expiresAt, String region) {
        return """
                {"reference": "%s", "name": "孙九", "idNumber": "%s", "region": "%s", "year": 2019,%s
                 "lines": [{"insurance": "PENSION", "months": ["2019-04"], "base": "2840.00", "rate": "0.20", "amount": "568.00"}]}"""
                .formatted(reference, idNumber, region, expiresAt == null ? "" : " \"expiresAt\": \"" + expiresAt + "\",");
    }

    private static String jinanPerson() {
        String person = newPerson();
        register(person, "370102199003071234", "李四", "370100",
                enrol(person, "PENSION", "370100", "2022-01", null, "5000.00", null, null));
        return person;
    }

    private static String body(String person, String month) {
        return "{\"personId\": \"" + person + "\", \"months\": [\"" + month + "\"], \"insurances\": [{\"insurance\": \"PENSION\"}]}";
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** Whether a series of {@code name} with the given label pairs is exported. */
    private static boolean series(String metrics, String name, String... labels) {
        return metrics.lines().anyMatch(line -> line.startsWith(name + "{") && labelled(line, name, labels));
    }

    /** The sum of the series of {@code name} whose labels include the given pairs (0 when there is none yet). */
    static double metric(String name, String... labels) {
        return metrics().lines().filter(line -> line.startsWith(name + "{") && labelled(line, name, labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static boolean labelled(String line, String name, String... labels) {
        String labelPart = line.substring(name.length(), line.lastIndexOf('}') + 1);
        for (int i = 0; i < labels.length; i += 2) {
            if (!labelPart.contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                return false;
            }
        }
        return true;
    }
}
