package org.flexsi.platform.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import io.smallrye.common.annotation.Identifier;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Kafka producer of a service, used by the outbox relay and the dead-letter path: acks from
 * all in-sync replicas and idempotence, so a retried send neither reorders nor duplicates a key.
 */
@ApplicationScoped
public class FlexsiProducer {
    private final KafkaProducer<String, String> producer;
    private final String source;

    /**
     * @param kafka every {@code kafka.*} setting of the service (bootstrap servers, and in production the SASL and TLS
     *              settings of a secured listener), as the messaging channels get them
     */
    public FlexsiProducer(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        Properties props = KafkaSettings.clientProperties(kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-outbox");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        this.source = "/flexsi/" + service;
    }

    /** CloudEvents source of everything this service writes. */
    public String source() {
        return source;
    }

    public Future<?> send(ProducerRecord<String, String> record) {
        return producer.send(record);
    }

    /** Waits for the broker's acknowledgement; a failure aborts the caller's transaction. */
    public void await(Future<?> ack, long timeout, TimeUnit unit) {
        try {
            ack.get(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge: " + e.getMessage(), e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
