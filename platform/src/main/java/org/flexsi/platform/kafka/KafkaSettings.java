package org.flexsi.platform.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The connection settings the service's own Kafka clients (outbox producer, topic provisioner) take from its
 * {@code kafka.*} configuration: the address and, on a secured listener, the security protocol, SASL and TLS
 * settings. Channel-specific settings (group ids, deserializers) stay with the channels.
 */
public final class KafkaSettings {
    private static final Set<String> CONNECTION_PREFIXES = Set.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
            CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "sasl.", "ssl.", "client.dns.lookup");

    private KafkaSettings() {
    }

    public static Properties clientProperties(Map<String, Object> kafka) {
        Properties props = new Properties();
        kafka.forEach((key, value) -> {
            if (CONNECTION_PREFIXES.stream().anyMatch(key::startsWith)) {
                props.put(key, value);
            }
        });
        return props;
    }
}
