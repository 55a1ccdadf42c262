package org.flexsi.rightssync.it;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Json;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.testing.TestInfrastructure;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.fault.Fault;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a harness that prints figures (no asserts). Run it alone with
 * {@code ./mvnw -o install -pl rights-sync-service -Dgroups=benchmark -Dbenchmark.excluded=none -Dtest=RightsBenchmark}.
 * Sizes: {@code -Dbench.rate} payments/s for the lag run, {@code -Dbench.payments}, {@code -Dbench.backlog} payments
 * for the drain run (each payment is one pension and one medical record).
 */
@QuarkusTest
@Tag("benchmark")
class RightsBenchmark {
    @Inject
    EntityManager em;

    @Test
    void confirmationLagAndBacklogDrainRate() throws Exception {
        int rate = Integer.getInteger("bench.rate", 50);
        int payments = Integer.getInteger("bench.payments", 1500);
        int backlog = Integer.getInteger("bench.backlog", 5000);
        try (KafkaProducer<String, String> producer = producer()) {
            String run = "lag-" + UUID.randomUUID().toString().substring(0, 8);
            List<String> persons = persons(producer, run, 300);
            Instant start = Instant.now();
            for (int i = 0; i < payments; i++) {
                long due = start.toEpochMilli() + (long) i * 1000 / rate;
                long wait = due - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                send(producer, payment(persons.get(i % persons.size())), "/flexsi/payment-service");
            }
            awaitDecided(run, payments * 2, Duration.ofMinutes(5));
            Object[] lag = lag(run);
            System.out.printf("%nBENCH lag: %d payments (%d records) at %d payments/s: confirmation lag p50 %.3f s, p99 %.3f s, max %.3f s%n",
                    payments, payments * 2, rate, lag[0], lag[1], lag[2]);

            String drain = "drain-" + UUID.randomUUID().toString().substring(0, 8);
            List<String> waiting = persons(producer, drain, 1000);
            AgencySimulators.simulators().faults().inject(Fault.down(Party.PENSION));
            AgencySimulators.simulators().faults().inject(Fault.down(Party.MEDICAL));
            Instant publishing = Instant.now();
            for (int i = 0; i < backlog; i++) {
                send(producer, payment(waiting.get(i % waiting.size())), "/flexsi/payment-service");
            }
            producer.flush();
            awaitStored(drain, backlog * 2, Duration.ofMinutes(5));
            double arrival = backlog * 2 / secondsSince(publishing);
            AgencySimulators.simulators().faults().clear();
            Instant back = Instant.now();
            awaitDecided(drain, backlog * 2, Duration.ofMinutes(10));
            double seconds = secondsSince(back);
            System.out.printf("BENCH drain: %d records backed up while both agencies were down (stored at %.0f records/s);"
                    + " drained and confirmed in %.1f s = %.0f records/s%n%n", backlog * 2, arrival, seconds, backlog * 2 / seconds);
        }
    }

    private List<String> persons(KafkaProducer<String, String> producer, String run, int n) {
        List<String> persons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String person = run + "-" + i;
            persons.add(person);
            send(producer, new PersonRegistered(person, "RESIDENT_ID", "370702198807150014", "王芳", "FEMALE",
                    LocalDate.of(1988, 7, 15), "370700", "潍坊", null, null, Instant.now()), "/flexsi/registration-service");
        }
        producer.flush();
        return persons;
    }

    private static PaymentSucceeded payment(String person) {
        return new PaymentSucceeded("pay-" + UUID.randomUUID(), "AS-1", person, person, "370700", "WECHAT", "wechat", "tx",
                List.of(new LineItem("PENSION", List.of("2026-03"), "3980.00", "0.20", "796.00", null),
                        new LineItem("MEDICAL", List.of("2026-03"), "3980.00", "0.06", "238.80", null)),
                "1034.80", Instant.now());
    }

    private void awaitDecided(String run, int records, Duration timeout) throws InterruptedException {
        await(() -> count("stage = 'CONFIRMED'", run) >= records, timeout);
    }

    private void awaitStored(String run, int records, Duration timeout) throws InterruptedException {
        await(() -> count("true", run) >= records, timeout);
    }

    private static void await(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!done.getAsBoolean() && Instant.now().isBefore(end)) {
            Thread.sleep(200);
        }
    }

    private long count(String condition, String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from sync_record where " + condition + " and person_id like ?1")
                .setParameter(1, run + "-%").getSingleResult()).longValue());
    }

    private Object[] lag(String run) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select percentile_cont(0.5) within group (order by extract(epoch from recorded_at - paid_at)),"
                        + " percentile_cont(0.99) within group (order by extract(epoch from recorded_at - paid_at)),"
                        + " max(extract(epoch from recorded_at - paid_at))"
                        + " from sync_record where person_id like ?1 and stage = 'CONFIRMED'")
                .setParameter(1, run + "-%").getSingleResult());
    }

    private static double secondsSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, Event event, String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.partitionKey(),
                Json.eventMapper().valueToTree(event).toString());
        CloudEventHeaders.write(record.headers(), UUID.randomUUID(), source, event.eventType(), event.subject(), Instant.now());
        producer.send(record);
    }
}
