package org.flexsi.rightssync.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.PersonRegistered;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.Topics;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.agency.HeldRecord;

/** Events as the other services publish them, and a patient wait. */
final class Fixtures {
    static final String OPS = TestTokens.bearer("ops", "ops-1");
    static final String REGISTRATION = "/flexsi/registration-service";
    static final String PAYMENT = "/flexsi/payment-service";

    private Fixtures() {
    }

    static String person() {
        return "p-" + UUID.randomUUID();
    }

    static void register(String personId) {
        TestKafka.publish(new PersonRegistered(personId, "RESIDENT_ID", "370702198807150014", "王芳", "FEMALE",
                LocalDate.of(1988, 7, 15), "370700", "潍坊市社会保险事业中心", null, null, Instant.now()), REGISTRATION);
    }

    static PaymentSucceeded pension(String personId, String month, Instant paidAt) {
        return new PaymentSucceeded("pay-" + UUID.randomUUID(), "AS-" + UUID.randomUUID(), personId, personId, "370700",
                "WECHAT", "wechat", "tx-1", List.of(new LineItem("PENSION", List.of(month), "3980.00", "0.16", "636.80", null)),
                "636.80", paidAt);
    }

    /** Weifang 2023, base 3980 and medical 6 %, one month (seeds/004). */
    static PaymentSucceeded weifang(String personId, String month) {
        return new PaymentSucceeded("pay-" + UUID.randomUUID(), "AS-" + UUID.randomUUID(), personId, personId, "370700",
                "ALIPAY", "alipay", "tx-2", List.of(
                        new LineItem("PENSION", List.of(month), "3980.00", "0.20", "796.00", null),
                        new LineItem("MEDICAL", List.of(month), "3980.00", "0.06", "238.80", null),
                        new LineItem("WORK_INJURY", List.of(month), "3980.00", "0.009", "35.82", null),
                        new LineItem("SERIOUS_ILLNESS", List.of(month), null, null, "12.50", null),
                        new LineItem("LONG_TERM_CARE", List.of(month), null, null, "4.00", null)),
                "1087.12", Instant.now());
    }

    /** @param refundKind APPLICATION, REVERSAL, AUTOMATIC, or null as in events older than the field */
    static PaymentRefunded refund(PaymentSucceeded payment, String refundKind) {
        return new PaymentRefunded("rf-" + UUID.randomUUID(), payment.paymentId(), payment.assessmentSerial(),
                payment.personId(), payment.region(), payment.lines(), payment.total(), "paid twice", Instant.now(), refundKind);
    }

    /** Waits until this service has processed the event (its inbox holds the event id). */
    static void awaitConsumed(UUID eventId) {
        await("event " + eventId + " consumed").until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Arc.container().instance(EntityManager.class).get()
                        .createNativeQuery("select count(*) from inbox_event where event_id = ?1")
                        .setParameter(1, eventId).getSingleResult()).longValue() == 1));
    }

    /** The {@code kind} field of the events of one type for a person, sorted (null for events without it). */
    static List<String> kinds(List<ConsumerRecord<String, String>> events, String person, String type) {
        return events.stream().filter(r -> person.equals(r.key()) && type.equals(TestKafka.header(r, CloudEventHeaders.TYPE)))
                .map(r -> JsonPath.from(r.value()).getString("kind")).sorted(java.util.Comparator.nullsFirst(
                        java.util.Comparator.naturalOrder())).toList();
    }

    /**
     * Waits until the agency has received a record stored after this call. One lane sends an agency's records in order
     * and polls between its rounds, so whatever it would have sent or polled before is done by then: a test showing
     * that something was not sent (or decided) again asserts after this, not after a pause.
     */
    static void awaitLaneRound(Party agency) {
        String marker = person();
        register(marker);
        PaymentSucceeded payment = agency == Party.MEDICAL ? weifang(marker, "2026-01") : pension(marker, "2026-01", Instant.now());
        TestKafka.publish(payment, PAYMENT);
        await(agency + " received a later record").until(() -> !held(agency, marker).isEmpty());
    }

    /**
     * Waits until the deadline monitor has flagged a record stored after this call (a payment of 2024, long overdue,
     * of a person the agencies never hear about): a pass that began after everything before it has run.
     */
    static void awaitMonitorPass() {
        PaymentSucceeded overdue = pension(person(), "2024-09", Instant.parse("2024-09-26T16:30:00Z"));
        TestKafka.publish(overdue, PAYMENT);
        await("a later record flagged overdue").until(() -> records(overdue.paymentId()).getList("records.status")
                .contains("OVERDUE"));
    }

    static JsonPath records(String paymentId) {
        return given().header("Authorization", OPS).queryParam("paymentId", paymentId).get("/api/v1/rights/records")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitStatuses(String paymentId, int expected, String status) {
        await(expected + " records " + status + " for " + paymentId).until(() -> {
            List<String> statuses = records(paymentId).getList("records.status");
            return statuses.size() == expected && statuses.stream().allMatch(status::equals);
        });
        return records(paymentId);
    }

    static List<HeldRecord> held(Party agency, String person) {
        return AgencySimulators.simulators().agencies().held(agency).stream()
                .filter(h -> h.record().personId().equals(person)).toList();
    }

    static List<ConsumerRecord<String, String>> rightsEvents(String person,
            java.util.function.Predicate<List<ConsumerRecord<String, String>>> enough) {
        return TestKafka.read(Topics.RIGHTS, Duration.ofSeconds(20), enough).stream()
                .filter(r -> person.equals(r.key())).toList();
    }

    static long count(List<ConsumerRecord<String, String>> events, String person, String type) {
        return events.stream().filter(r -> person.equals(r.key()) && type.equals(TestKafka.header(r, CloudEventHeaders.TYPE)))
                .count();
    }

    /** Events this service wrote for a person (its outbox is the source of everything it publishes). */
    static long announced(String person, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select count(*) from outbox_event where event_key = ?1 and event_type = ?2")
                .setParameter(1, person).setParameter(2, type).getSingleResult()).longValue());
    }

}
