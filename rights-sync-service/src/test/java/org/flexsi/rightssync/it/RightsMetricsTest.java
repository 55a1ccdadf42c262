package org.flexsi.rightssync.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.rightssync.it.Fixtures.awaitStatuses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.fault.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the rights metrics at /q/metrics agree with the database after a flow. The database is fresh for this
 * application's run and every decision goes through the service, so once the service is quiet the counters equal the
 * stored decisions and the backlog gauge the undecided records.
 */
@QuarkusTest
class RightsMetricsTest {
    @Inject
    EntityManager em;

    @AfterEach
    void clearFaults() {
        AgencySimulators.simulators().faults().clear();
    }

    @Test
    void confirmationsRejectionsAndTheBacklogAgreeWithTheRecords() {
        String confirmedPerson = Fixtures.person();
        Fixtures.register(confirmedPerson);
        PaymentSucceeded confirmed = Fixtures.pension(confirmedPerson, "2026-08", Instant.now());
        String rejectedPerson = Fixtures.person();
        AgencySimulators.simulators().faults().inject(Fault.rejectPersons(Party.PENSION, rejectedPerson));
        Fixtures.register(rejectedPerson);
        PaymentSucceeded rejected = Fixtures.pension(rejectedPerson, "2026-08", Instant.now());
        TestKafka.publish(confirmed, Fixtures.PAYMENT);
        TestKafka.publish(rejected, Fixtures.PAYMENT);
        awaitStatuses(confirmed.paymentId(), 1, "CONFIRMED");
        awaitStatuses(rejected.paymentId(), 1, "REJECTED");

        await("confirmation lag count = confirmed PENSION records").until(() ->
                value(metrics(), "flexsi_rights_confirmation_lag_seconds_count{agency=\"PENSION\"}") == stored(
                        "stage = 'CONFIRMED' and agency = 'PENSION'"));
        await("rejected total = rejected PENSION records").until(() ->
                value(metrics(), "flexsi_rights_rejected_total{agency=\"PENSION\"}") == stored(
                        "stage = 'REJECTED' and agency = 'PENSION'"));
        await("pending gauge = undecided PENSION records").until(() ->
                sum(metrics(), "flexsi_rights_pending\\{agency=\"PENSION\",days_to_deadline=\"[^\"]+\"\\}") == stored(
                        "stage not in ('CONFIRMED', 'REJECTED') and agency = 'PENSION'"));
        String metrics = metrics();
        assertTrue(value(metrics, "flexsi_rights_confirmation_lag_seconds_count{agency=\"PENSION\"}") >= 1, metrics);
        assertTrue(value(metrics, "flexsi_rights_rejected_total{agency=\"PENSION\"}") >= 1, metrics);
        assertTrue(value(metrics, "flexsi_rights_records_sent_total{agency=\"PENSION\"}") >= 2, "both records were sent");
        assertTrue(value(metrics, "flexsi_rights_confirmation_lag_seconds_sum{agency=\"PENSION\"}") > 0);
        assertTrue(metrics.contains("flexsi_rights_circuit_state{agency=\"PENSION\"} 0.0"), "the breaker is closed");
        assertTrue(metrics.contains("flexsi_rights_overdue{agency=\"PENSION\"}"), metrics);
    }

    private long stored(String where) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from sync_record where " + where).getSingleResult()).longValue());
    }

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series ({@code name{labels}} exactly as exposed), 0 when absent. */
    static double value(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(series.length() + 1).trim().split(" ")[0])).findFirst().orElse(0);
    }

    static double sum(String metrics, String seriesPattern) {
        Matcher m = Pattern.compile("(?m)^" + seriesPattern + " (\\S+)").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
