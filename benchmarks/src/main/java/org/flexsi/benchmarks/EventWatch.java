package org.flexsi.benchmarks;

import org.flexsi.deploy.client.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flexsi.contracts.Topics;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.RightsConfirmed;
import org.flexsi.platform.kafka.CloudEventHeaders;

/**
 * Two plain consumers, from the topics' ends, without a group: one on flexsi.payment notes when each
 * of our payments succeeded, one on flexsi.rights when its rights were confirmed (every insurance of its lines).
 * Times are when this process saw the event, on one clock.
 */
final class EventWatch implements AutoCloseable {
    /** One payment of the benchmark: when its order was sent and when its events were seen (nanoTime, 0 = not yet). */
    static final class Tracked {
        final long orderSent;
        volatile long succeeded;
        volatile long confirmed;
        private Set<String> insurances;
        private final Set<String> confirmedInsurances = new HashSet<>();
        private long lastConfirmation;

        Tracked(long orderSent) {
            this.orderSent = orderSent;
        }

        synchronized void succeeded(long at, Set<String> lineInsurances) {
            if (succeeded == 0) {
                succeeded = at;
                insurances = lineInsurances;
                complete();
            }
        }

        synchronized void confirmed(long at, String insurance) {
            confirmedInsurances.add(insurance);
            lastConfirmation = Math.max(lastConfirmation, at);
            complete();
        }

        private void complete() {
            if (confirmed == 0 && insurances != null && confirmedInsurances.containsAll(insurances)) {
                // the rights consumer may see its event a moment before the payment consumer sees its own
                confirmed = Math.max(lastConfirmation, succeeded);
            }
        }
    }

    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final List<Thread> tails = new ArrayList<>();
    private volatile boolean running = true;

    EventWatch(String bootstrap) {
        tails.add(tail(bootstrap, Topics.PAYMENT, this::onPayment));
        tails.add(tail(bootstrap, Topics.RIGHTS, this::onRights));
    }

    void track(String paymentId, long orderSent) {
        tracked.put(paymentId, new Tracked(orderSent));
    }

    Tracked get(String paymentId) {
        return tracked.get(paymentId);
    }

    private void onPayment(ConsumerRecord<String, String> record, long at) throws IOException {
        if (!PaymentSucceeded.TYPE.equals(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE))) {
            return;
        }
        JsonNode event = Http.JSON.readTree(record.value());
        Tracked payment = tracked.get(event.path("paymentId").asText());
        if (payment != null) {
            Set<String> insurances = new HashSet<>();
            event.path("lines").forEach(line -> insurances.add(line.path("insurance").asText()));
            payment.succeeded(at, insurances);
        }
    }

    private void onRights(ConsumerRecord<String, String> record, long at) throws IOException {
        if (!RightsConfirmed.TYPE.equals(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE))) {
            return;
        }
        JsonNode event = Http.JSON.readTree(record.value());
        String kind = event.path("kind").asText("PAYMENT");
        Tracked payment = tracked.get(event.path("paymentId").asText());
        if (payment != null && "PAYMENT".equals(kind)) { // a REVERSAL withdraws rights: not what is measured
            payment.confirmed(at, event.path("insurance").asText());
        }
    }

    private interface Handler {
        void handle(ConsumerRecord<String, String> record, long seenAt) throws IOException;
    }

    /** Starts a consumer thread and returns once it is positioned at the topic's end. */
    private Thread tail(String bootstrap, String topic, Handler handler) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "50");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, not lazily after the load has begun
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        long at = System.nanoTime();
                        try {
                            handler.handle(record, at);
                        } catch (IOException | RuntimeException e) {
                            System.err.println("skipped an unreadable " + topic + " record: " + e.getMessage());
                        }
                    }
                }
            }
        }, "watch-" + topic);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void close() {
        running = false;
        for (Thread tail : tails) {
            try {
                tail.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
