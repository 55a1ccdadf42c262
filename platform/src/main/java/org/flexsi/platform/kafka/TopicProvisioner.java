package org.flexsi.platform.kafka;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.annotation.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Inject;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flexsi.contracts.Topics;

/**
 * Creates flexsi's topics at start-up with explicit partitions and replication, so nothing depends
 * on broker auto-creation. Every service does it; creating a topic that exists is a no-op.
 * Production: replication 3 and min.insync.replicas 2 (set FLEXSI_KAFKA_REPLICATION_FACTOR=3).
 */
@ApplicationScoped
public class TopicProvisioner {
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;
    /** Off where topics are provisioned by the platform team (Strimzi KafkaTopic) and services may not create them. */
    @ConfigProperty(name = "flexsi.kafka.provision-topics", defaultValue = "true")
    boolean provision;
    @ConfigProperty(name = "flexsi.kafka.partitions", defaultValue = "6")
    int partitions;
    @ConfigProperty(name = "flexsi.kafka.replication-factor", defaultValue = "1")
    short replication;

    void onStart(@Observes @Priority(10) StartupEvent start) {
        if (!provision) {
            return;
        }
        Properties settings = KafkaSettings.clientProperties(kafka);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
        try (Admin admin = Admin.create(settings)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                add(missing, existing, topic, Topics.CALENDAR.equals(topic));
                add(missing, existing, Topics.deadLetter(topic), false);
            }
            for (NewTopic topic : missing) {
                create(admin, topic);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the service still starts; readiness reports Kafka until it is reachable
            Log.warnf("could not provision topics: %s", e.getMessage());
        }
    }

    private void add(List<NewTopic> missing, Set<String> existing, String name, boolean compacted) {
        if (existing.contains(name)) {
            return;
        }
        String minInSync = Integer.toString(Math.min(2, replication));
        Map<String, String> config = compacted
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync)
                : Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInSync);
        missing.add(new NewTopic(name, partitions, replication).configs(config));
    }

    private static void create(Admin admin, NewTopic topic) throws InterruptedException, ExecutionException {
        try {
            admin.createTopics(List.of(topic)).all().get();
            Log.infof("created topic %s (%d partitions, replication %d)", topic.name(), topic.numPartitions(),
                    topic.replicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
