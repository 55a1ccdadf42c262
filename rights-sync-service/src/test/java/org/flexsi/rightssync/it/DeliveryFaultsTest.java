package org.flexsi.rightssync.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.rightssync.it.Fixtures.awaitStatuses;
import static org.flexsi.rightssync.it.Fixtures.count;
import static org.flexsi.rightssync.it.Fixtures.held;
import static org.flexsi.rightssync.it.Fixtures.records;
import static org.flexsi.rightssync.it.Fixtures.rightsEvents;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.RightsConfirmed;
import org.flexsi.contracts.events.RightsRejected;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.rightssync.delivery.AgencyClient;
import org.flexsi.rightssync.delivery.Outgoing;
import org.flexsi.rightssync.record.Agency;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.callback.CallbackAttempt;
import org.flexsi.simulators.fault.Fault;
import org.flexsi.simulators.agency.HeldRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agencies misbehave: down, slow, silent, rejecting; and this service "crashes" mid-batch. */
@QuarkusTest
class DeliveryFaultsTest {
    @Inject
    AgencyClient client;

    @AfterEach
    void clearFaults() {
        AgencySimulators.simulators().faults().clear();
    }

    @Test
    void anAgencyOutageLosesNothingAndTheBacklogDrainsInOrderPerPerson() {
        AgencySimulators.simulators().faults().inject(Fault.down(Party.PENSION));
        List<String> persons = List.of(Fixtures.person(), Fixtures.person());
        persons.forEach(Fixtures::register);
        List<PaymentSucceeded> payments = new ArrayList<>();
        Instant paid = Instant.now().minusSeconds(60);
        for (String month : List.of("2026-01", "2026-02", "2026-03")) {
            for (String person : persons) {
                paid = paid.plusSeconds(1);
                PaymentSucceeded payment = Fixtures.pension(person, month, paid);
                payments.add(payment);
                TestKafka.publish(payment, Fixtures.PAYMENT);
            }
        }
        await("the sender tried and the circuit opened").until(() -> circuitState("PENSION") != 0
                && records(payments.get(5).paymentId()).getString("records[0].lastError") != null);
        for (PaymentSucceeded payment : payments) {
            String status = records(payment.paymentId()).getString("records[0].status");
            assertTrue(List.of("PENDING", "SENT").contains(status), status);
        }
        persons.forEach(person -> assertEquals(0, held(Party.PENSION, person).size(), "nothing got through"));

        AgencySimulators.simulators().faults().clear();
        payments.forEach(p -> awaitStatuses(p.paymentId(), 1, "CONFIRMED"));
        for (String person : persons) {
            List<Map<String, Object>> mine = new ArrayList<>();
            for (PaymentSucceeded p : payments) {
                if (p.personId().equals(person)) {
                    mine.add(records(p.paymentId()).getMap("records[0]"));
                }
            }
            List<Instant> acknowledged = mine.stream().map(r -> Instant.parse((String) r.get("acknowledgedAt"))).toList();
            assertEquals(acknowledged.stream().sorted().toList(), acknowledged, "each person's backlog left in payment order");
            assertTrue(held(Party.PENSION, person).stream().allMatch(h -> h.timesReceived() == 1));
            assertEquals(3, held(Party.PENSION, person).size());
        }
        assertEquals(0, circuitState("PENSION"), "closed again");
    }

    @Test
    void aSlowAgencyStillConfirms() {
        AgencySimulators.simulators().faults().inject(Fault.slow(Party.MEDICAL, Duration.ofMillis(1500)).times(2));
        String person = Fixtures.person();
        Fixtures.register(person);
        PaymentSucceeded payment = Fixtures.weifang(person, "2026-04");
        TestKafka.publish(payment, Fixtures.PAYMENT);
        awaitStatuses(payment.paymentId(), 5, "CONFIRMED");
    }

    @Test
    void aLostCallbackIsMadeUpByPolling() {
        AgencySimulators.simulators().faults().inject(Fault.dropCallbacks(Party.PENSION));
        String person = Fixtures.person();
        Fixtures.register(person);
        PaymentSucceeded payment = Fixtures.pension(person, "2026-05", Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        String recordId = awaitStatuses(payment.paymentId(), 1, "CONFIRMED").getString("records[0].recordId");
        assertTrue(AgencySimulators.simulators().callbackAttempts().stream()
                .anyMatch(a -> a.reference().equals(recordId) && a.outcome() == CallbackAttempt.Outcome.DROPPED));
    }

    @Test
    void aRejectionGoesToTheWorkListWithItsReason() {
        String person = Fixtures.person();
        AgencySimulators.simulators().faults().inject(Fault.rejectPersons(Party.PENSION, person));
        Fixtures.register(person);
        PaymentSucceeded payment = Fixtures.pension(person, "2026-06", Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        JsonPath rejected = awaitStatuses(payment.paymentId(), 1, "REJECTED");
        String recordId = rejected.getString("records[0].recordId");
        assertEquals("person not enrolled with this agency", rejected.getString("records[0].reason"));

        given().header("Authorization", Fixtures.OPS).get("/api/v1/rights/rejected").then().statusCode(200)
                .body("records.recordId", hasItem(recordId));
        given().header("Authorization", TestTokens.bearer("contributor", person)).queryParam("month", "2026-06")
                .get("/api/v1/rights/me").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("items[0].reason", equalTo("person not enrolled with this agency"));
        List<ConsumerRecord<String, String>> events = rightsEvents(person, seen -> count(seen, person, RightsRejected.TYPE) >= 1);
        assertEquals(1, count(events, person, RightsRejected.TYPE));
        assertEquals(0, count(events, person, RightsConfirmed.TYPE));
    }

    @Test
    void aBatchSentJustBeforeACrashIsSentAgainAndBookedOnce() {
        String person = Fixtures.person();
        PaymentSucceeded payment = Fixtures.pension(person, "2026-07", Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        await("record stored").until(() -> records(payment.paymentId()).getList("records").size() == 1);
        Map<String, Object> record = records(payment.paymentId()).getMap("records[0]");
        // the crashed instance had sent the record, but neither recorded the receipt nor lived to hear the decision
        AgencySimulators.simulators().faults().inject(Fault.dropCallbacks(Party.PENSION).times(1));
        AgencyClient.SendResult result = client.send(Agency.PENSION, List.of(new Outgoing((String) record.get("recordId"),
                "PAYMENT", person, "370702198807150014", "王芳", "370700", "PENSION", List.of("2026-07"), "3980.00",
                "636.80", payment.paymentId(), payment.paidAt())));
        assertTrue(result instanceof AgencyClient.Accepted, result.toString());

        Fixtures.register(person);
        awaitStatuses(payment.paymentId(), 1, "CONFIRMED");
        HeldRecord held = held(Party.PENSION, person).get(0);
        assertEquals(2, held.timesReceived(), "received twice");
        assertEquals(1, held(Party.PENSION, person).size(), "booked once");
        Fixtures.awaitLaneRound(Party.PENSION);
        assertEquals(1, Fixtures.announced(person, RightsConfirmed.TYPE), "confirmed once");
    }

    static double circuitState(String agency) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("flexsi_rights_circuit_state{") && l.contains("agency=\"" + agency + "\""))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1.0);
    }
}
