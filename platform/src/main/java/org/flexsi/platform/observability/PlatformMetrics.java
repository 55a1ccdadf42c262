package org.flexsi.platform.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flexsi.contracts.Topics;
import org.flexsi.platform.calendar.CalendarNotLoadedException;
import org.flexsi.platform.calendar.CalendarService;
import org.flexsi.platform.kafka.KafkaSettings;
import org.flexsi.platform.time.BusinessTime;

/**
 * What every service shows an operator about its plumbing, beside the outbox figures: dead letters written per
 * topic ({@code flexsi_platform_dead_letters_total}), how far its consumer group is behind per partition
 * ({@code flexsi_platform_consumer_lag_records}, measured every 30 s from the broker, so a stuck consumer shows), and
 * whether today is a working day ({@code flexsi_platform_working_day}, for alerts that only matter on one).
 */
@ApplicationScoped
public class PlatformMetrics {
    private final MeterRegistry registry;
    private final Map<String, Object> kafka;
    private final String group;
    private final CalendarService calendar;
    private final Clock clock;
    private final Map<TopicPartition, AtomicLong> lag = new ConcurrentHashMap<>();
    /** One admin client for the service's life: made at the first measurement, not every 30 s. */
    private Admin admin;

    public PlatformMetrics(MeterRegistry registry, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String group, CalendarService calendar, Clock clock) {
        this.registry = registry;
        this.kafka = kafka;
        this.group = group;
        this.calendar = calendar;
        this.clock = clock;
    }

    void register(@Observes StartupEvent started) {
        // every topic's counter exists from the start: the first dead letter is an increase, not a new series
        Topics.ALL.forEach(topic -> deadLetters(Topics.deadLetter(topic)));
        Gauge.builder("flexsi.platform.working.day", this, PlatformMetrics::workingDayToday)
                .description("1 when today (China time) is a working day on the loaded calendar, 0 when not").register(registry);
    }

    /** A record of {@code topic} was handed to its dead-letter topic. */
    public void deadLetter(String topic) {
        deadLetters(Topics.deadLetter(topic)).increment();
    }

    private io.micrometer.core.instrument.Counter deadLetters(String dlq) {
        return registry.counter("flexsi.platform.dead.letters", "topic", dlq);
    }

    private double workingDayToday() {
        try {
            return calendar.calendar().isWorkingDay(BusinessTime.today(clock)) ? 1 : 0;
        } catch (CalendarNotLoadedException e) {
            return Double.NaN;
        }
    }

    @Scheduled(every = "${flexsi.metrics.consumer-lag-every:30s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void measureConsumerLag() {
        try {
            Admin admin = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(10, TimeUnit.SECONDS);
            committed.forEach((partition, offset) -> {
                long behind = offset == null ? 0 : Math.max(0, ends.get(partition).offset() - offset.offset());
                lag.computeIfAbsent(partition, this::lagGauge).set(behind);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Log.infof("consumer lag not measured: %s", e.toString());
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties settings = KafkaSettings.clientProperties(kafka);
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, group + "-lag");
            admin = Admin.create(settings);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }

    private AtomicLong lagGauge(TopicPartition partition) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("flexsi.platform.consumer.lag.records", value, AtomicLong::get)
                .tags("group", group, "topic", partition.topic(), "partition", Integer.toString(partition.partition()))
                .description("records of the partition this service's consumer group has not yet committed")
                .register(registry);
        return value;
    }
}
