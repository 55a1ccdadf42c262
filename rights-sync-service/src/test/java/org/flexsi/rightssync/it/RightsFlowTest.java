package org.flexsi.rightssync.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.rightssync.it.Fixtures.awaitStatuses;
import static org.flexsi.rightssync.it.Fixtures.count;
import static org.flexsi.rightssync.it.Fixtures.held;
import static org.flexsi.rightssync.it.Fixtures.records;
import static org.flexsi.rightssync.it.Fixtures.rightsEvents;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.RightsConfirmed;
import org.flexsi.contracts.events.RightsSent;
import org.flexsi.platform.testing.FlexsiTestResource;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.agency.HeldRecord;
import org.flexsi.simulators.agency.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(value = FlexsiTestResource.class, initArgs = @ResourceArg(name = "database", value = "flexsi_test_rights_sync"))
@QuarkusTestResource(AgencySimulators.class)
class RightsFlowTest {
    @Test
    void aWeifangPaymentReachesBothAgenciesAndIsConfirmed() {
        String person = Fixtures.person();
        Fixtures.register(person);
        PaymentSucceeded payment = Fixtures.weifang(person, "2026-03");
        TestKafka.publish(payment, Fixtures.PAYMENT);

        JsonPath records = awaitStatuses(payment.paymentId(), 5, "CONFIRMED");
        Map<String, String> agencyOf = records.getList("records", Map.class).stream().collect(Collectors.toMap(
                r -> (String) ((Map<?, ?>) r).get("insurance"), r -> (String) ((Map<?, ?>) r).get("agency")));
        assertEquals(Map.of("PENSION", "PENSION", "WORK_INJURY", "PENSION", "MEDICAL", "MEDICAL",
                "SERIOUS_ILLNESS", "MEDICAL", "LONG_TERM_CARE", "MEDICAL"), agencyOf);
        for (Object r : records.getList("records")) {
            Map<?, ?> record = (Map<?, ?>) r;
            assertTrue(((String) record.get("agencyReference")).matches("(PEN|MED)-[0-9]{6}"), record.toString());
        }

        List<HeldRecord> pension = held(Party.PENSION, person);
        List<HeldRecord> medical = held(Party.MEDICAL, person);
        assertEquals(2, pension.size());
        assertEquals(3, medical.size());
        assertTrue(pension.stream().allMatch(h -> h.timesReceived() == 1 && h.record().kind() == RecordKind.PAYMENT));
        assertEquals("796.00", pension.stream().filter(h -> h.record().insurance().equals("PENSION")).findFirst()
                .orElseThrow().record().amount().toPlainString());

        List<ConsumerRecord<String, String>> events = rightsEvents(person, seen -> count(seen, person, RightsConfirmed.TYPE) >= 5
                && count(seen, person, RightsSent.TYPE) >= 5);
        assertEquals(5, count(events, person, RightsConfirmed.TYPE));
        assertEquals(5, count(events, person, RightsSent.TYPE));
    }

    @Test
    void aContributorSeesHisMonthButNotAnotherPersons() {
        String person = Fixtures.person();
        Fixtures.register(person);
        PaymentSucceeded payment = Fixtures.pension(person, "2026-02", java.time.Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        awaitStatuses(payment.paymentId(), 1, "CONFIRMED");

        given().header("Authorization", TestTokens.bearer("contributor", person)).queryParam("month", "2026-02")
                .get("/api/v1/rights/me").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("items", hasSize(1))
                .body("items[0].agencyReference", org.hamcrest.Matchers.startsWith("PEN-"));
        given().header("Authorization", TestTokens.bearer("contributor", "someone-else")).queryParam("month", "2026-02")
                .get("/api/v1/rights/me").then().statusCode(200).body("status", equalTo("NONE")).body("items", hasSize(0));
        given().header("Authorization", TestTokens.bearer("contributor", person)).queryParam("paymentId", payment.paymentId())
                .get("/api/v1/rights/records").then().statusCode(403).contentType("application/problem+json");
    }

    /** APPLICATION and REVERSAL refunds undo a booked payment; events without refundKind keep doing so. */
    @ParameterizedTest(name = "refundKind {0}")
    @NullSource
    @ValueSource(strings = {"APPLICATION", "REVERSAL"})
    void aRefundSendsAReversalThatTheAgencyBooksOnceAndIsAnnounced(String refundKind) {
        String person = Fixtures.person();
        Fixtures.register(person);
        PaymentSucceeded payment = Fixtures.pension(person, "2026-01", java.time.Instant.now());
        TestKafka.publish(payment, Fixtures.PAYMENT);
        awaitStatuses(payment.paymentId(), 1, "CONFIRMED");
        PaymentRefunded refund = Fixtures.refund(payment, refundKind);
        TestKafka.publish(refund, Fixtures.PAYMENT);

        await("reversal confirmed").until(() -> records(payment.paymentId()).getList("records").size() == 2
                && records(payment.paymentId()).getList("records.status").stream().allMatch("CONFIRMED"::equals));
        JsonPath both = records(payment.paymentId());
        assertEquals(List.of("PAYMENT", "REVERSAL"), both.getList("records.kind"));
        assertEquals(refund.refundId(), both.getString("records[1].refundId"));
        List<HeldRecord> held = held(Party.PENSION, person);
        assertEquals(List.of(RecordKind.PAYMENT, RecordKind.REVERSAL), held.stream().map(h -> h.record().kind()).toList());
        assertTrue(held.stream().allMatch(h -> h.timesReceived() == 1));
        assertEquals("636.80", held.get(1).record().amount().toPlainString());
        assertEquals("3980.00", held.get(1).record().base().toPlainString());

        // the withdrawal is announced like the payment was, told apart by kind
        List<ConsumerRecord<String, String>> events = rightsEvents(person, seen -> count(seen, person, RightsConfirmed.TYPE) >= 2
                && count(seen, person, RightsSent.TYPE) >= 2);
        assertEquals(List.of("PAYMENT", "REVERSAL"), Fixtures.kinds(events, person, RightsSent.TYPE));
        assertEquals(List.of("PAYMENT", "REVERSAL"), Fixtures.kinds(events, person, RightsConfirmed.TYPE));
    }

    @Test
    void anAutomaticRefundTakesNothingBackFromTheAgencies() {
        String person = Fixtures.person();
        Fixtures.register(person);
        // money taken twice: the payment service refunds it without a payment.succeeded ever being published
        PaymentSucceeded neverPublished = Fixtures.pension(person, "2026-01", java.time.Instant.now());
        Fixtures.awaitConsumed(TestKafka.publish(Fixtures.refund(neverPublished, "AUTOMATIC"), Fixtures.PAYMENT));

        assertEquals(List.of(), records(neverPublished.paymentId()).getList("records"));
        assertEquals(List.of(), held(Party.PENSION, person), "nothing was sent to the agency");
        assertEquals(0, Fixtures.announced(person, RightsSent.TYPE));
    }
}
