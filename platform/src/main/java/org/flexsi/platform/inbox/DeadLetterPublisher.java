package org.flexsi.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.flexsi.contracts.Topics;
import org.flexsi.platform.kafka.DeadLetterHeaders;
import org.flexsi.platform.kafka.FlexsiProducer;

/**
 * Parks a record that cannot be processed on {@code <topic>.dlq}, as the channels' dead-letter strategy does for a
 * single record: same key and body, the original headers, and the reason in the same {@link DeadLetterHeaders}.
 * Waits for the broker: the batch is acknowledged (its offsets committed) only after its poison records are parked.
 */
@ApplicationScoped
public class DeadLetterPublisher {
    private final FlexsiProducer producer;

    public DeadLetterPublisher(FlexsiProducer producer) {
        this.producer = producer;
    }

    public void park(ConsumerRecord<String, String> record, Throwable reason) {
        ProducerRecord<String, String> parked = new ProducerRecord<>(Topics.deadLetter(record.topic()), null, record.key(),
                record.value(), new RecordHeaders(record.headers().toArray()));
        add(parked, DeadLetterHeaders.REASON, reason.getMessage() == null ? reason.toString() : reason.getMessage());
        add(parked, DeadLetterHeaders.EXCEPTION_CLASS_NAME, reason.getClass().getName());
        if (reason.getCause() != null) {
            add(parked, DeadLetterHeaders.CAUSE, String.valueOf(reason.getCause().getMessage()));
            add(parked, DeadLetterHeaders.CAUSE_CLASS_NAME, reason.getCause().getClass().getName());
        }
        add(parked, DeadLetterHeaders.TOPIC, record.topic());
        add(parked, DeadLetterHeaders.PARTITION, String.valueOf(record.partition()));
        add(parked, DeadLetterHeaders.OFFSET, String.valueOf(record.offset()));
        producer.await(producer.send(parked), 30, TimeUnit.SECONDS);
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().remove(name).add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
