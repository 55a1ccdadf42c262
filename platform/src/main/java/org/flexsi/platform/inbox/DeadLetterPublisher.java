package org.flexsi.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.flexsi.contracts.Topics;
import org.flexsi.platform.kafka.FlexsiProducer;

/**
 * Parks a record that cannot be processed on {@code <topic>.dlq}, as the channels' dead-letter strategy does for a
 * single record: same key and body, the original headers, and the reason in the same {@code dead-letter-*} headers.
 * Waits for the broker: the batch is acknowledged (its offsets committed) only after its poison records are parked.
 */
@ApplicationScoped
public class DeadLetters {
    private final FlexsiProducer producer;

    public DeadLetters(FlexsiProducer producer) {
        this.producer = producer;
    }

    public void park(ConsumerRecord<String, String> record, Throwable reason) {
        ProducerRecord<String, String> parked = new ProducerRecord<>(Topics.deadLetter(record.topic()), null, record.key(),
                record.value(), new RecordHeaders(record.headers().toArray()));
        add(parked, "dead-letter-reason", reason.getMessage() == null ? reason.toString() : reason.getMessage());
        add(parked, "dead-letter-exception-class-name", reason.getClass().getName());
        if (reason.getCause() != null) {
            add(parked, "dead-letter-cause", String.valueOf(reason.getCause().getMessage()));
            add(parked, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
        }
        add(parked, "dead-letter-topic", record.topic());
        add(parked, "dead-letter-partition", String.valueOf(record.partition()));
        add(parked, "dead-letter-offset", String.valueOf(record.offset()));
        producer.await(producer.send(parked), 30, TimeUnit.SECONDS);
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name).add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
