package org.flexsi.platform.deadletter;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flexsi.contracts.Topics;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.kafka.DeadLetterHeaders;
import org.flexsi.platform.kafka.KafkaSettings;
import org.flexsi.platform.problem.ProblemException;

/**
 * Reads the dead-letter topics of this service's incoming channels as a plain consumer without a group: nothing is
 * committed, the topics stay as they are. The calendar's is left out: its consumer is not the inbox, and a bad calendar
 * year is mended by publishing the year again, not by a replay.
 */
@ApplicationScoped
public class DeadLetterReader {
    /** How far back each partition is read: dead letters are few, and the old ones are settled. */
    static final int WINDOW = 1000;
    private static final Pattern DLQ_SETTING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");
    private static final Duration READ_FOR = Duration.ofSeconds(10);

    private final Map<String, Object> kafka;
    private final String service;
    private final List<String> topics;

    public DeadLetterReader(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.kafka = kafka;
        this.service = service;
        this.topics = List.copyOf(configuredTopics());
    }

    /** A record as read from a dead-letter topic. */
    public record Parked(ConsumerRecord<String, String> record) {
        public String header(String name) {
            return CloudEventHeaders.read(record.headers(), name);
        }

        public String originalTopic() {
            String original = header(DeadLetterHeaders.TOPIC);
            return original != null ? original : record.topic().replaceFirst("\\.dlq$", "");
        }

        /** The headers the record had before it was parked (the dead-letter ones left out). */
        public Map<String, String> originalHeaders() {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : record.headers()) {
                if (!h.key().startsWith(DeadLetterHeaders.PREFIX)) {
                    headers.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
                }
            }
            return headers;
        }

        public Instant parkedAt() {
            return Instant.ofEpochMilli(record.timestamp());
        }
    }

    /** The dead-letter topics this service's consumers write to. */
    public List<String> topics() {
        return topics;
    }

    /** The records of the last {@link #WINDOW} per partition of every topic, newest first. */
    public List<Parked> recent() {
        List<Parked> found = new ArrayList<>();
        try (KafkaConsumer<String, String> reader = reader()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                reader.partitionsFor(topic, READ_FOR).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            if (partitions.isEmpty()) {
                return found;
            }
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions, READ_FOR);
            Map<TopicPartition, Long> starts = reader.beginningOffsets(partitions, READ_FOR);
            List<TopicPartition> toRead = new ArrayList<>();
            for (TopicPartition p : partitions) {
                long from = Math.max(starts.get(p), ends.get(p) - WINDOW);
                if (from < ends.get(p)) {
                    reader.seek(p, from);
                    toRead.add(p);
                }
            }
            reader.assign(toRead);
            Instant deadline = Instant.now().plus(READ_FOR);
            while (toRead.stream().anyMatch(p -> reader.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw ProblemException.unavailable("the dead-letter topics could not be read in time", 5);
                }
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                        found.add(new Parked(r));
                    }
                }
            }
        } catch (TimeoutException e) {
            throw ProblemException.unavailable("Kafka does not answer: " + e.getMessage(), 5);
        }
        found.sort(Comparator.comparingLong((Parked p) -> p.record().timestamp()).reversed());
        return found;
    }

    /** One record, if it is on one of this service's dead-letter topics. */
    public Optional<Parked> find(String topic, int partition, long offset) {
        if (!topics.contains(topic) || partition < 0 || offset < 0) {
            return Optional.empty();
        }
        TopicPartition p = new TopicPartition(topic, partition);
        try (KafkaConsumer<String, String> reader = reader()) {
            if (reader.partitionsFor(topic, READ_FOR).stream().noneMatch(info -> info.partition() == partition)) {
                return Optional.empty();
            }
            reader.assign(List.of(p));
            long end = reader.endOffsets(List.of(p), READ_FOR).get(p);
            if (offset >= end || offset < reader.beginningOffsets(List.of(p), READ_FOR).get(p)) {
                return Optional.empty();
            }
            reader.seek(p, offset);
            Instant deadline = Instant.now().plus(READ_FOR);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : reader.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return Optional.of(new Parked(r));
                    }
                    if (r.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            throw ProblemException.unavailable("the dead-letter topic could not be read in time", 5);
        } catch (TimeoutException e) {
            throw ProblemException.unavailable("Kafka does not answer: " + e.getMessage(), 5);
        }
    }

    private KafkaConsumer<String, String> reader() {
        Properties props = KafkaSettings.clientProperties(kafka);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READ_FOR.toMillis());
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static TreeSet<String> configuredTopics() {
        var config = ConfigProvider.getConfig();
        TreeSet<String> found = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = DLQ_SETTING.matcher(name);
            if (m.matches()) {
                config.getOptionalValue(name, String.class).ifPresent(found::add);
            }
        }
        found.remove(Topics.deadLetter(Topics.CALENDAR));
        return found;
    }
}
