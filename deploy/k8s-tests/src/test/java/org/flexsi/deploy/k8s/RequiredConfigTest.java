package org.flexsi.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reading of required properties from sources, on a sample and on the real services. */
class RequiredConfigTest {

    @Test
    void membersWithoutDefaultsAreRequiredNestedOnesFollowedOptionalsAndMapsNot() {
        String source = """
                @ConfigMapping(prefix = "flexsi.sample")
                public interface Sample {
                    /** the secret */
                    String apiSecret();
                    @WithDefault("5s")
                    Duration timeout();
                    Optional<String> note();
                    Map<String, String> perBank();
                    @WithName("base-url")
                    String url();
                    Inner inner();
                    interface Inner {
                        int size();
                        @WithDefault("1") int step();
                    }
                }
                class X { @ConfigProperty(name = "a.b") String ab; @ConfigProperty(name = "c.d", defaultValue = "1") int cd; }
                """;
        assertEquals(Set.of("flexsi.sample.api-secret", "flexsi.sample.base-url", "flexsi.sample.inner.size"),
                RequiredConfig.fromMappings(RequiredConfig.stripComments(source)));
        assertEquals(Set.of("a.b"), RequiredConfig.fromProperties(source));
    }

    @Test
    void theServicesSecretsAreAmongTheirRequiredProperties() {
        // the broker's address reaches the service's own clients through the kafka.* map, not one property
        Set<String> payment = RequiredConfig.of(Repo.module("payment-service").orElseThrow());
        assertTrue(payment.containsAll(Set.of("flexsi.secret.wechat", "flexsi.secret.alipay", "flexsi.secret.unionpay",
                "quarkus.application.name")), payment.toString());
        Set<String> rights = RequiredConfig.of(Repo.module("rights-sync-service").orElseThrow());
        assertTrue(rights.containsAll(Set.of("flexsi.secret.pension", "flexsi.secret.medical")), rights.toString());
    }

    @Test
    void kafkaUseIsReadFromCodeAndConfiguration() {
        KafkaUse payment = KafkaUse.of(Repo.module("payment-service").orElseThrow());
        assertEquals(Set.of("flexsi.payment"), payment.produces());
        assertEquals(Set.of("assessment-in", "registration-in", "calendar-in"), payment.channels().keySet());
        KafkaUse.Channel calendar = payment.channels().get("calendar-in");
        assertEquals("payment-service-calendar-", calendar.group());
        assertTrue(calendar.groupIsPrefix());
        assertEquals("payment-service", payment.channels().get("assessment-in").group());
        // the certificate service builds PaymentSucceeded records to read, and writes only its own topic
        assertEquals(Set.of("flexsi.certificate"), KafkaUse.of(Repo.module("certificate-service").orElseThrow()).produces());
        assertEquals(Set.of("flexsi.rights", "flexsi.calendar"),
                KafkaUse.of(Repo.module("rights-sync-service").orElseThrow()).produces());
    }
}
