package org.flexsi.platform.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.flexsi.contracts.Topics;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.inbox.Inbox;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.observability.PlatformMetrics;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.outbox.OutboxRelay;
import org.flexsi.platform.testing.TestKafka;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class OutboxAndInboxTest {
    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    EffectConsumer consumer;
    @Inject
    Inbox inbox;
    @Inject
    EntityManager em;
    @Inject
    MeterRegistry metrics;
    @Inject
    Tracer tracer;
    @Inject
    PlatformMetrics platformMetrics;

    @Test
    void aRelayCutBetweenSendAndMarkSentResendsAndTheEffectHappensOnce() {
        String person = "p-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(registered(person)));

        double publishedBefore = published(PersonRegistered.TYPE);

        // the relay sends, then "crashes" before its mark-sent commits
        QuarkusTransaction.begin();
        assertTrue(relay.relayBatch() >= 1);
        QuarkusTransaction.rollback();
        assertEquals(1L, unsent(), "the row must still be unsent after the cut");
        assertEquals(publishedBefore, published(PersonRegistered.TYPE), "a rolled-back relay counts nothing");

        // after the restart the relay sends the same event again and marks it
        assertTrue(QuarkusTransaction.requiringNew().call(relay::relayBatch) >= 1);
        assertEquals(0L, unsent());
        assertEquals(publishedBefore + 1, published(PersonRegistered.TYPE), "counted once, when marked sent");

        List<ConsumerRecord<String, String>> copies = TestKafka.read(Topics.REGISTRATION, Duration.ofSeconds(20),
                seen -> seen.stream().filter(r -> person.equals(r.key())).count() >= 2);
        List<ConsumerRecord<String, String>> mine = copies.stream().filter(r -> person.equals(r.key())).toList();
        assertEquals(2, mine.size(), "the broker holds the event twice");
        assertEquals(header(mine.get(0), CloudEventHeaders.ID), header(mine.get(1), CloudEventHeaders.ID));
        assertEquals("1.0", header(mine.get(0), CloudEventHeaders.SPEC_VERSION));
        assertEquals(PersonRegistered.TYPE, header(mine.get(0), CloudEventHeaders.TYPE));
        assertEquals("/flexsi/platform-it", header(mine.get(0), CloudEventHeaders.SOURCE));
        assertEquals(person, header(mine.get(0), CloudEventHeaders.SUBJECT));
        assertNotNull(header(mine.get(0), CloudEventHeaders.TIME));

        await().until(() -> consumer.effects(person) >= 1);
        consumeMarkerAfter(person);
        assertEquals(1L, consumer.effects(person), "the effect happened once");
    }

    @Test
    void aBatchAnotherInstanceClaimedIsLeftAloneWhileItsLeaseRunsThenSentAgainInOrder() {
        String person = "p-" + UUID.randomUUID();
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(List.of(registered(person),
                registered(person))));
        // as if another instance had claimed the first event and were sending it
        lease(ids.get(0), "now() + interval '1 minute'");
        assertEquals(0, QuarkusTransaction.requiringNew().call(relay::relayBatch),
                "nothing is claimed while another instance's lease runs, not the event after it either (order per key)");
        assertEquals(2L, unsent());

        // that instance died: once its lease has run out, both events go, in order
        lease(ids.get(0), "now() - interval '1 second'");
        assertEquals(2, QuarkusTransaction.requiringNew().call(relay::relayBatch));
        assertEquals(0L, unsent());
        List<String> relayed = TestKafka.read(Topics.REGISTRATION, Duration.ofSeconds(20),
                seen -> seen.stream().filter(r -> person.equals(r.key())).count() >= 2).stream()
                .filter(r -> person.equals(r.key())).map(r -> header(r, CloudEventHeaders.ID)).toList();
        assertEquals(ids.stream().map(UUID::toString).toList(), relayed);
    }

    private void lease(UUID eventId, String until) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update outbox_event set claimed_by = ?1,"
                + " claimed_until = " + until + " where event_id = ?2").setParameter(1, UUID.randomUUID())
                .setParameter(2, eventId).executeUpdate());
    }

    @Test
    void aRelayThatCannotFinishShowsHowOldItsOldestEventIs() {
        String person = "p-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish(registered(person));
            em.createNativeQuery("update outbox_event set occurred_at = now() - interval '1 hour' where sent_at is null")
                    .executeUpdate();
        });

        // sent, but the mark-sent never commits: as when the broker fails mid-batch, the event is still waiting
        QuarkusTransaction.begin();
        assertTrue(relay.relayBatch() >= 1);
        QuarkusTransaction.rollback();
        assertTrue(oldestUnsentSeconds() >= 3600, "age " + oldestUnsentSeconds());

        assertTrue(QuarkusTransaction.requiringNew().call(relay::relayBatch) >= 1);
        assertEquals(0, QuarkusTransaction.requiringNew().call(relay::relayBatch));
        assertEquals(0.0, oldestUnsentSeconds(), "nothing waits");
        await().until(() -> consumer.effects(person) >= 1);
    }

    private double oldestUnsentSeconds() {
        return metrics.get("flexsi.outbox.oldest.unsent.seconds").gauge().value();
    }

    @Test
    void severalEventsWrittenInOneInsertAreEachRelayedOnceWithTheirOwnIds() {
        List<String> persons = List.of("p-" + UUID.randomUUID(), "p-" + UUID.randomUUID(), "p-" + UUID.randomUUID());
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> outbox.publishAll(persons.stream()
                .map(OutboxAndInboxTest::registered).toList()));
        assertEquals(3, ids.stream().distinct().count());
        assertEquals(3L, unsent());

        // the relay runs by hand in these tests; one pass takes all three
        assertTrue(QuarkusTransaction.requiringNew().call(relay::relayBatch) >= 3);
        assertEquals(0L, unsent());
        List<ConsumerRecord<String, String>> seen = TestKafka.read(Topics.REGISTRATION, Duration.ofSeconds(20),
                records -> records.stream().filter(r -> persons.contains(r.key())).count() >= 3);
        List<String> relayed = seen.stream().filter(r -> persons.contains(r.key()))
                .map(r -> header(r, CloudEventHeaders.ID)).sorted().toList();
        assertEquals(ids.stream().map(UUID::toString).sorted().toList(), relayed);
        persons.forEach(person -> await().until(() -> consumer.effects(person) == 1));
    }

    @Test
    void theWritersTraceTravelsOnTheRecordAndTheConsumerContinuesIt() {
        String person = "p-" + UUID.randomUUID();
        Span writer = tracer.spanBuilder("register").startSpan();
        try (Scope ignored = writer.makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(registered(person)));
        } finally {
            writer.end();
        }
        String traceId = writer.getSpanContext().getTraceId();

        assertTrue(QuarkusTransaction.requiringNew().call(relay::relayBatch) >= 1);
        ConsumerRecord<String, String> record = TestKafka.read(Topics.REGISTRATION, Duration.ofSeconds(20),
                records -> records.stream().anyMatch(r -> person.equals(r.key()))).stream()
                .filter(r -> person.equals(r.key())).findFirst().orElseThrow();
        String traceparent = header(record, "traceparent");
        assertNotNull(traceparent, "the record carries the writer's trace beside its ce_* headers");
        assertTrue(traceparent.matches("00-" + traceId + "-[0-9a-f]{16}-0[01]"), traceparent);
        await().until(() -> consumer.effects(person) == 1);
        assertEquals(traceId, consumer.traceOf(person), "the consumer's work is part of the same trace");
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        String person = "p-" + UUID.randomUUID();
        Map<String, String> headers = headers(UUID.randomUUID().toString(), PersonRegistered.TYPE);
        TestKafka.send(Topics.REGISTRATION, person, body(person), headers);
        TestKafka.send(Topics.REGISTRATION, person, body(person), headers);
        await().until(() -> consumer.effects(person) >= 1);
        consumeMarkerAfter(person);
        assertEquals(1L, consumer.effects(person));
    }

    @Test
    void aMalformedRecordLandsInTheDeadLetterTopicWithReasonAndOriginalHeaders() {
        double deadLettersBefore = deadLetters();
        String key = "bad-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestKafka.send(Topics.REGISTRATION, key, "{not json", headers(eventId, PersonRegistered.TYPE));
        String contractKey = "bad-" + UUID.randomUUID();
        TestKafka.send(Topics.REGISTRATION, contractKey, "{\"personId\":\"only\"}",
                headers(UUID.randomUUID().toString(), PersonRegistered.TYPE));

        List<ConsumerRecord<String, String>> parked = TestKafka.read(Topics.deadLetter(Topics.REGISTRATION),
                Duration.ofSeconds(30), seen -> seen.stream().filter(r -> key.equals(r.key()) || contractKey.equals(r.key())).count() >= 2);
        ConsumerRecord<String, String> notJson = parked.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertEquals("{not json", notJson.value());
        assertEquals(eventId, header(notJson, CloudEventHeaders.ID), "the original headers travel with it");
        assertTrue(header(notJson, "dead-letter-reason").contains("not JSON"), header(notJson, "dead-letter-reason"));
        ConsumerRecord<String, String> broken = parked.stream().filter(r -> contractKey.equals(r.key())).findFirst().orElseThrow();
        assertTrue(header(broken, "dead-letter-reason").contains("breaks its contract"));
        assertTrue(deadLetters() >= deadLettersBefore + 2, "counted per dead-letter topic: " + deadLetters());
    }

    @Test
    void aRecordWhoseEffectFailsInABatchGoesAloneToTheDeadLetterTopicAndTheOthersHaveTheirEffectOnce() {
        double deadLettersBefore = deadLetters();
        String before = "p-" + UUID.randomUUID();
        String poison = EffectConsumer.POISON + UUID.randomUUID();
        String after = "p-" + UUID.randomUUID();
        String poisonId = UUID.randomUUID().toString();
        String afterId = UUID.randomUUID().toString();
        // one polled batch, handed to the inbox as the channel does: the same event twice, a poison record between
        List<ConsumerRecord<String, String>> batch = List.of(
                record(0, before, UUID.randomUUID().toString()), record(1, poison, poisonId),
                record(2, after, afterId), record(3, after, afterId));
        inbox.consumeBatch(new ConsumerRecords<>(Map.of(new TopicPartition(Topics.REGISTRATION, 0), batch)), consumer::apply);

        ConsumerRecord<String, String> parked = TestKafka.read(Topics.deadLetter(Topics.REGISTRATION), Duration.ofSeconds(30),
                seen -> seen.stream().anyMatch(r -> poison.equals(r.key()))).stream()
                .filter(r -> poison.equals(r.key())).findFirst().orElseThrow();
        assertEquals(poisonId, header(parked, CloudEventHeaders.ID), "the original headers travel with it");
        assertTrue(header(parked, "dead-letter-reason").contains("cannot take " + poison), header(parked, "dead-letter-reason"));
        assertEquals(Topics.REGISTRATION, header(parked, "dead-letter-topic"));
        assertEquals(1L, consumer.effects(before));
        assertEquals(1L, consumer.effects(after), "delivered twice, one effect");
        assertEquals(0L, consumer.effects(poison), "the failed effect left nothing");
        assertEquals(1L, TestKafka.read(Topics.deadLetter(Topics.REGISTRATION), Duration.ofSeconds(5),
                seen -> false).stream().filter(r -> r.key() != null && (r.key().equals(before) || r.key().equals(after)
                        || r.key().equals(poison))).count(), "only the poison record is parked");
        assertTrue(deadLetters() >= deadLettersBefore + 1, "counted per dead-letter topic: " + deadLetters());
    }

    private static ConsumerRecord<String, String> record(long offset, String person, String eventId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.REGISTRATION, 0, offset, person, body(person));
        headers(eventId, PersonRegistered.TYPE).forEach((name, value) -> record.headers().add(name,
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return record;
    }

    static String body(String person) {
        return "{\"personId\":\"" + person + "\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\"x\",\"name\":\"n\","
                + "\"region\":\"420100\",\"registeredAt\":\"2026-01-05T00:00:00Z\"}";
    }

    @Test
    void theConsumerGroupsLagIsMeasuredPerPartitionFromTheBroker() {
        String person = "p-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(registered(person)));
        assertTrue(QuarkusTransaction.requiringNew().call(relay::relayBatch) >= 1);
        await().until(() -> consumer.effects(person) == 1);
        await().until(() -> {
            platformMetrics.measureConsumerLag();
            return !metrics.find("flexsi.platform.consumer.lag.records").tag("topic", Topics.REGISTRATION).gauges().isEmpty();
        });
        assertEquals("platform-it", metrics.find("flexsi.platform.consumer.lag.records").gauges().iterator().next()
                .getId().getTag("group"));
    }

    private double deadLetters() {
        var counter = metrics.find("flexsi.platform.dead.letters").tag("topic", Topics.deadLetter(Topics.REGISTRATION)).counter();
        return counter == null ? 0 : counter.count();
    }

    private long unsent() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from outbox_event where sent_at is null").getSingleResult()).longValue());
    }

    private static PersonRegistered registered(String person) {
        return new PersonRegistered(person, "RESIDENT_ID", "420106199001011234", "张三", "MALE", LocalDate.of(1990, 1, 1),
                "420100", "武汉市", null, null, Instant.now());
    }

    static Map<String, String> headers(String id, String type) {
        return Map.of(CloudEventHeaders.ID, id, CloudEventHeaders.TYPE, type, CloudEventHeaders.SOURCE, "/test",
                CloudEventHeaders.TIME, Instant.now().toString(), CloudEventHeaders.SPEC_VERSION, "1.0");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return TestKafka.header(record, name);
    }

    /**
     * Sends a marker event behind the duplicates, on the same key (the same partition, consumed in order), and waits
     * until it is consumed: by then a duplicate that would wrongly have an effect has shown it.
     */
    private void consumeMarkerAfter(String person) {
        UUID marker = UUID.randomUUID();
        TestKafka.send(Topics.REGISTRATION, person, "{}", headers(marker.toString(), "org.flexsi.test.marker.v1"));
        await("marker " + marker + " consumed").until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from inbox_event where event_id = ?1").setParameter(1, marker)
                .getSingleResult()).longValue() == 1));
    }

    private double published(String type) {
        var counter = metrics.find("flexsi.events.published").tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

}
