package org.flexsi.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flexsi.contracts.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both overlays of deploy/k8s, rendered by kubectl and parsed into typed models, held to the code: topics, ACLs,
 * configuration, probes, ports, databases. Each assertion names the overlay and the object it is about.
 */
class K8sManifestsTest {
    private static final Set<String> DEPLOYMENTS = Repo.MODULES.keySet();
    private static final Set<String> KAFKA_SERVICES = Set.of("registration-service", "assessment-service",
            "payment-service", "certificate-service", "rights-sync-service");
    /** The services that reach parties outside the cluster: payment (providers, banks), rights-sync (agencies). */
    private static final Set<String> CALLS_OUTSIDE = Set.of("payment-service", "rights-sync-service");
    private static final Set<String> HEALTH = Set.of("/q/health/started", "/q/health/ready", "/q/health/live");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyDocumentParsesIntoItsTypedModelAndEveryKindIsThere(String overlay) {
        Manifests m = Manifests.of(overlay); // parses each document strictly, or throws naming it
        Map<String, Long> kinds = m.documents.stream().collect(Collectors.groupingBy(StrictModels::typeKey,
                TreeMap::new, Collectors.counting()));
        assertEquals(6L, kinds.get("apps/v1/Deployment"), overlay + ": " + kinds);
        assertEquals(6L, kinds.get("v1/Service"), overlay + ": " + kinds);
        assertEquals(6L, kinds.get("policy/v1/PodDisruptionBudget"), overlay + ": " + kinds);
        assertEquals(6L, kinds.get("autoscaling/v2/HorizontalPodAutoscaler"), overlay + ": " + kinds);
        assertEquals(1L, kinds.get("kafka.strimzi.io/v1beta2/Kafka"), overlay + ": " + kinds);
        assertEquals(1L, kinds.get("kafka.strimzi.io/v1beta2/KafkaNodePool"), overlay + ": " + kinds);
        assertEquals(5L, kinds.get("kafka.strimzi.io/v1beta2/KafkaUser"), overlay + ": " + kinds);
        assertEquals(1L, kinds.get("postgresql.cnpg.io/v1/Cluster"), overlay + ": " + kinds);
        assertEquals(5L, kinds.get("postgresql.cnpg.io/v1/Database"), overlay + ": " + kinds);
        for (String name : DEPLOYMENTS) {
            m.get(Deployment.class, name);
        }
        m.documents.forEach(d -> assertEquals("flexsi", d.path("metadata").path("namespace").asText(),
                overlay + ": " + StrictModels.describe(d) + " is outside namespace flexsi"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyTopicOfTheCodeAndItsDeadLetterTopicIsAKafkaTopicAsTheServicesExpectIt(String overlay) {
        Manifests m = Manifests.of(overlay);
        Map<String, KafkaTopic> topics = new TreeMap<>();
        m.all(KafkaTopic.class).forEach(t -> topics.put(topicName(t), t));

        Set<String> expected = new TreeSet<>();
        Topics.ALL.forEach(t -> {
            expected.add(t);
            expected.add(Topics.deadLetter(t));
        });
        // every topic a service consumes or parks records in is one of them
        for (String name : KAFKA_SERVICES) {
            KafkaUse use = KafkaUse.of(module(name));
            assertTrue(expected.containsAll(use.produces()), name + " writes " + use.produces());
            use.channels().values().forEach(c -> {
                assertTrue(expected.contains(c.topic()), name + " consumes " + c.topic() + ", not in Topics.ALL");
                assertNotNull(c.deadLetterTopic(), name + " channel " + c.name() + " has no dead-letter topic");
                assertEquals(Topics.deadLetter(c.topic()), c.deadLetterTopic(), name + " channel " + c.name());
            });
        }
        assertEquals(expected, topics.keySet(), overlay + ": KafkaTopics against Topics.ALL and their .dlq");

        Map<String, String> platform = Repo.platformProperties();
        int partitions = Integer.parseInt(platform.getOrDefault("flexsi.kafka.partitions", "6"));
        Duration inboxKept = platformDefault("flexsi.retention.inbox");
        topics.forEach((name, topic) -> {
            assertEquals(partitions, topic.getSpec().getPartitions(), overlay + ": partitions of " + name);
            assertEquals(3, topic.getSpec().getReplicas(), overlay + ": replicas of " + name);
            Map<String, Object> config = topic.getSpec().getConfig();
            assertEquals("2", String.valueOf(config.get("min.insync.replicas")), overlay + ": min.insync of " + name);
            assertEquals("flexsi", topic.getMetadata().getLabels().get("strimzi.io/cluster"), name);
            if (name.equals(Topics.CALENDAR)) {
                assertEquals("compact", config.get("cleanup.policy"), overlay + ": the calendar is compacted");
            } else {
                assertEquals("delete", config.get("cleanup.policy"), overlay + ": " + name);
                long retention = Long.parseLong(String.valueOf(config.get("retention.ms")));
                if (!name.endsWith(".dlq")) {
                    // a record must not outlive the inbox entry that makes its redelivery harmless
                    assertTrue(retention < inboxKept.toMillis(), overlay + ": " + name + " keeps records "
                            + Duration.ofMillis(retention) + ", the inbox remembers ids only " + inboxKept);
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceIsAKafkaUserWithExactlyTheAclsItsCodeNeeds(String overlay) {
        Manifests m = Manifests.of(overlay);
        Set<String> writers = new TreeSet<>();
        for (String name : KAFKA_SERVICES) {
            KafkaUse use = KafkaUse.of(module(name));
            assertEquals(name, use.application(), "the Deployment is named after quarkus.application.name");
            KafkaUser user = m.get(KafkaUser.class, use.application());
            assertTrue(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication,
                    overlay + ": " + name + " authenticates with SCRAM-SHA-512");
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            assertFalse(use.produces().isEmpty(), name + " writes no topic?");
            for (String topic : use.produces()) {
                assertTrue(allows(acls, "topic", topic, AclOperation.WRITE), overlay + ": " + name + " may write " + topic);
                writers.add(topic);
            }
            Set<String> writable = new TreeSet<>(use.produces());
            Set<String> readable = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            Set<String> channelsInCode = KafkaUse.incomingChannelsInCode(module(name));
            assertEquals(channelsInCode, use.channels().keySet(), name + ": @Incoming channels against configuration");
            for (KafkaUse.Channel c : use.channels().values()) {
                assertTrue(allows(acls, "topic", c.topic(), AclOperation.READ), overlay + ": " + name + " reads " + c.topic());
                assertTrue(allows(acls, "topic", c.deadLetterTopic(), AclOperation.WRITE),
                        overlay + ": " + name + " parks bad records in " + c.deadLetterTopic());
                String group = c.groupIsPrefix() ? c.group() + "any-instance-uuid" : c.group();
                assertTrue(allows(acls, "group", group, AclOperation.READ),
                        overlay + ": " + name + " joins consumer group " + group);
                readable.add(c.topic());
                writable.add(c.deadLetterTopic());
                groups.add(c.group());
            }
            // and nothing more: no other topic read or written, no Create/Alter/Delete/All, no cluster rights
            for (AclRule rule : acls) {
                Set<AclOperation> ops = new HashSet<>(operations(rule));
                assertTrue(Set.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE).containsAll(ops),
                        overlay + ": " + name + " has " + ops);
                if (rule.getResource() instanceof AclRuleTopicResource t) {
                    if (ops.contains(AclOperation.WRITE)) {
                        assertEquals(AclResourcePatternType.LITERAL, t.getPatternType(), name + " writes by prefix");
                        assertTrue(writable.contains(t.getName()), overlay + ": " + name + " may write " + t.getName());
                    }
                    if (ops.contains(AclOperation.READ)) {
                        assertEquals(AclResourcePatternType.LITERAL, t.getPatternType(), name + " reads by prefix");
                        assertTrue(readable.contains(t.getName()), overlay + ": " + name + " may read " + t.getName());
                    }
                } else if (rule.getResource() instanceof AclRuleGroupResource g) {
                    assertTrue(groups.contains(g.getName()), overlay + ": " + name + " may join group " + g.getName());
                } else {
                    fail(overlay + ": " + name + " has an ACL on " + rule.getResource().getType());
                }
            }
        }
        // every topic but the dead-letter ones has a writer among the services
        Set<String> events = new TreeSet<>(Topics.ALL);
        assertEquals(events, writers, "topics written by some service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyPropertyWithoutADefaultIsSetAndNoLoopbackAddressSurvives(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String name : DEPLOYMENTS) {
            Optional<Path> module = Repo.module(Repo.MODULES.get(name));
            Deployment deployment = m.get(Deployment.class, name);
            Map<String, EnvVar> env = m.environment(deployment);
            if (module.isEmpty()) {
                // ops-console lands from its own branch; until then its env is held to what its launcher sets
                assertTrue(env.keySet().containsAll(Set.of("QUARKUS_HTTP_HOST", "MP_JWT_VERIFY_PUBLICKEY_LOCATION")),
                        overlay + ": " + name + " env " + env.keySet());
                continue;
            }
            Map<String, String> props = Repo.effectiveProperties(module.get());
            Set<String> required = new TreeSet<>(RequiredConfig.of(module.get()));
            if (Repo.onPlatform(module.get())) {
                // what the extensions need and nobody defaults: the token key and the database password
                required.add("mp.jwt.verify.publickey.location");
                required.add("quarkus.datasource.password");
            }
            for (String property : required) {
                boolean inFile = props.containsKey(property) || props.keySet().stream().anyMatch(k -> k.startsWith(property + "."));
                boolean inEnv = env.containsKey(Repo.envName(property))
                        || env.keySet().stream().anyMatch(k -> k.startsWith(Repo.envName(property) + "_"));
                assertTrue(inFile || inEnv, overlay + ": " + name + " needs " + property + " (" + Repo.envName(property)
                        + "): it has no default");
            }
            // a development value pointing at this machine must be replaced in a cluster
            props.forEach((property, value) -> {
                if (value.contains("127.0.0.1") || value.contains("localhost")) {
                    assertTrue(env.containsKey(Repo.envName(property)), overlay + ": " + name + " keeps " + property + "="
                            + value + "; set " + Repo.envName(property));
                }
            });
            // and what the environment says must be usable
            env.forEach((var, value) -> {
                String v = value.getValue();
                if (v != null && (v.contains("127.0.0.1") || v.contains("localhost"))) {
                    fail(overlay + ": " + name + " " + var + "=" + v);
                }
            });
        }
        // refunds are paid from the payout bank's account, signed with that bank's secret
        String payoutBank = Repo.effectiveProperties(module("payment-service")).get("flexsi.payment.refunds.payout-bank");
        assertTrue(m.environment(m.get(Deployment.class, "payment-service")).containsKey(
                "FLEXSI_PAYMENT_BANK_SECRETS_" + Repo.envName(payoutBank)), overlay + ": no secret for payout bank " + payoutBank);
        // the certificate service signs with the province's seal, never a per-pod development CA
        Map<String, EnvVar> certificate = m.environment(m.get(Deployment.class, "certificate-service"));
        assertTrue(certificate.containsKey("FLEXSI_CERTIFICATE_SIGNING_KEYSTORE"), overlay + ": certificate keystore");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachServiceTalksToItsKafkaUserItsDatabaseAndTheClusterItIsGiven(String overlay) {
        Manifests m = Manifests.of(overlay);
        Kafka kafka = m.all(Kafka.class).get(0);
        GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().get(0);
        String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort();
        List<JsonNode> databases = m.cnpg("Database");
        JsonNode cluster = m.cnpg("Cluster").get(0);
        String clusterName = cluster.path("metadata").path("name").asText();
        for (String name : KAFKA_SERVICES) {
            Deployment deployment = m.get(Deployment.class, name);
            Map<String, EnvVar> env = m.environment(deployment);
            assertEquals(bootstrap, env.get("KAFKA_BOOTSTRAP_SERVERS").getValue(), overlay + ": " + name);
            assertEquals(listener.isTls() ? "SASL_SSL" : "SASL_PLAINTEXT", env.get("KAFKA_SECURITY_PROTOCOL").getValue());
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM").getValue());
            assertEquals(name, secretOf(env, "KAFKA_SASL_JAAS_CONFIG"), overlay + ": " + name + " uses its own KafkaUser");
            assertEquals("3", env.get("FLEXSI_KAFKA_REPLICATION_FACTOR").getValue());

            // jdbc:postgresql://<cluster>-rw:5432/<db>?currentSchema=<role>&...
            String jdbc = env.get("QUARKUS_DATASOURCE_JDBC_URL").getValue();
            URI uri = URI.create(jdbc.substring("jdbc:".length()));
            assertEquals(clusterName + "-rw", uri.getHost(), overlay + ": " + name + " writes to the primary");
            String database = uri.getPath().substring(1);
            Map<String, String> query = query(uri.getQuery());
            String role = query.get("currentSchema");
            assertEquals("verify-full", query.get("sslmode"), overlay + ": " + name + " checks the server");
            JsonNode db = databases.stream().filter(d -> d.path("spec").path("name").asText().equals(database))
                    .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no Database " + database));
            assertFalse(db.path("spec").path("owner").asText().equals(role), overlay + ": " + role + " owns " + database
                    + " itself: it should own its schema only");
            List<JsonNode> schemas = new ArrayList<>();
            db.path("spec").path("schemas").forEach(schemas::add);
            assertEquals(1, schemas.size(), overlay + ": schemas of " + database);
            assertEquals(role, schemas.get(0).path("name").asText());
            assertEquals(role, schemas.get(0).path("owner").asText(), overlay + ": " + role + " owns its schema");

            JsonNode managed = null;
            for (JsonNode r : cluster.path("spec").path("managed").path("roles")) {
                if (r.path("name").asText().equals(role)) {
                    managed = r;
                }
            }
            assertNotNull(managed, overlay + ": no managed role " + role);
            assertTrue(managed.path("login").asBoolean(), role + " logs in");
            for (String power : List.of("superuser", "createdb", "createrole", "replication", "bypassrls")) {
                assertFalse(managed.path(power).asBoolean(true), overlay + ": role " + role + " must state " + power + ": false");
            }
            String secret = managed.path("passwordSecret").path("name").asText();
            assertEquals(secret, secretOf(env, "QUARKUS_DATASOURCE_PASSWORD"), overlay + ": " + name + " password");
            assertEquals(secret, secretOf(env, "QUARKUS_DATASOURCE_USERNAME"), overlay + ": " + name + " user name");
            // pg_hba: the role reaches its own database, and is refused any other
            List<String> hba = new ArrayList<>();
            cluster.path("spec").path("postgresql").path("pg_hba").forEach(h -> hba.add(h.asText()));
            int allow = indexOf(hba, "^hostssl\\s+" + Pattern.quote(database) + "\\s+" + Pattern.quote(role) + "\\s+all\\s+scram-sha-256$");
            int reject = indexOf(hba, "^host\\s+all\\s+(\\S+,)*" + Pattern.quote(role) + "(,\\S+)*\\s+all\\s+reject$");
            assertTrue(allow >= 0 && reject > allow, overlay + ": pg_hba must let " + role + " into " + database
                    + " only: " + hba);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void probesAndPortsMatchTheApplication(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String name : DEPLOYMENTS) {
            Deployment deployment = m.get(Deployment.class, name);
            Container c = Manifests.container(deployment);
            int port = Repo.module(Repo.MODULES.get(name))
                    .map(dir -> Integer.parseInt(Repo.effectiveProperties(dir).get("quarkus.http.port")))
                    .orElse(8086); // ops-console, until its module lands here
            Optional<Path> module = Repo.module(Repo.MODULES.get(name));
            module.ifPresent(dir -> assertFalse(Boolean.parseBoolean(Repo.effectiveProperties(dir)
                    .getOrDefault("quarkus.management.enabled", "false")), name + ": health moved to the management port"));
            assertEquals(1, c.getPorts().size(), overlay + ": " + name + " ports");
            ContainerPort http = c.getPorts().get(0);
            assertEquals(port, http.getContainerPort(), overlay + ": " + name + " containerPort against quarkus.http.port");
            assertEquals("http", http.getName());
            assertProbe(overlay, name, c.getStartupProbe(), "/q/health/started", http);
            assertProbe(overlay, name, c.getReadinessProbe(), "/q/health/ready", http);
            assertProbe(overlay, name, c.getLivenessProbe(), "/q/health/live", http);

            Service service = m.get(Service.class, name);
            assertEquals(1, service.getSpec().getPorts().size());
            assertEquals(port, service.getSpec().getPorts().get(0).getPort(), overlay + ": Service " + name);
            IntOrString target = service.getSpec().getPorts().get(0).getTargetPort();
            assertTrue("http".equals(target.getStrVal()) || Integer.valueOf(port).equals(target.getIntVal()),
                    overlay + ": Service " + name + " targets " + target);
            assertEquals(labels(deployment), service.getSpec().getSelector(), overlay + ": Service " + name + " selector");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyDeploymentRunsTwiceSpreadSizedAndGuarded(String overlay) {
        Manifests m = Manifests.of(overlay);
        for (String name : DEPLOYMENTS) {
            Deployment deployment = m.get(Deployment.class, name);
            var pod = deployment.getSpec().getTemplate().getSpec();
            assertEquals(2, deployment.getSpec().getReplicas(), overlay + ": " + name + " replicas");
            assertEquals(deployment.getSpec().getSelector().getMatchLabels(), labels(deployment));
            Set<String> spread = pod.getTopologySpreadConstraints().stream().map(t -> t.getTopologyKey())
                    .collect(Collectors.toSet());
            assertEquals(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"), spread, overlay + ": " + name);
            Container c = Manifests.container(deployment);
            Map<String, Quantity> requests = c.getResources().getRequests();
            Map<String, Quantity> limits = c.getResources().getLimits();
            assertTrue(requests.containsKey("cpu") && requests.containsKey("memory"), overlay + ": " + name + " requests");
            assertTrue(limits.containsKey("memory"), overlay + ": " + name + " memory limit");
            assertTrue(Quantity.getAmountInBytes(limits.get("memory")).compareTo(
                    Quantity.getAmountInBytes(requests.get("memory"))) >= 0, name + " limit below request");
            // the measured resident size of a service is 210-220 MB idle (-Xmx384m): a request below 256 Mi starves it
            assertTrue(Quantity.getAmountInBytes(requests.get("memory")).longValue() >= 256L << 20,
                    overlay + ": " + name + " memory request");
            assertTrue(Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()), name + " runs as non-root");

            PodDisruptionBudget pdb = m.get(PodDisruptionBudget.class, name);
            assertEquals(labels(deployment), pdb.getSpec().getSelector().getMatchLabels(), overlay + ": PDB " + name);
            assertEquals(1, pdb.getSpec().getMinAvailable().getIntVal(), overlay + ": PDB " + name);

            HorizontalPodAutoscaler hpa = m.get(HorizontalPodAutoscaler.class, name);
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
            assertEquals(name, hpa.getSpec().getScaleTargetRef().getName());
            assertEquals(2, hpa.getSpec().getMinReplicas(), overlay + ": HPA " + name);
            assertTrue(hpa.getSpec().getMaxReplicas() >= 2, overlay + ": HPA " + name);
            if (KAFKA_SERVICES.contains(name)) {
                // partitions bound consumer instances: an instance past that has no partition to consume
                int partitions = Integer.parseInt(Repo.platformProperties().getOrDefault("flexsi.kafka.partitions", "6"));
                for (KafkaUse.Channel ch : KafkaUse.of(module(name)).channels().values()) {
                    String threads = Repo.effectiveProperties(module(name))
                            .getOrDefault("mp.messaging.incoming." + ch.name() + ".partitions", "1");
                    if (!ch.groupIsPrefix()) {
                        int bound = partitions / Integer.parseInt(threads);
                        assertTrue(hpa.getSpec().getMaxReplicas() <= bound, overlay + ": HPA " + name + " max "
                                + hpa.getSpec().getMaxReplicas() + " past " + partitions + " partitions / " + threads
                                + " consumers of " + ch.name());
                    }
                }
            }
            assertEquals(labels(deployment), m.get(NetworkPolicy.class, name).getSpec().getPodSelector().getMatchLabels(),
                    overlay + ": NetworkPolicy " + name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachServiceReachesKafkaItsDatabaseAndOnlyTheOutsidePartiesItNeeds(String overlay) {
        Manifests m = Manifests.of(overlay);
        Kafka kafka = m.all(Kafka.class).get(0);
        int kafkaPort = kafka.getSpec().getKafka().getListeners().get(0).getPort();
        // every service and the console fetch the token key set: the outside rule all of them share is the identity
        // provider's, and the only outside party of those that call no other
        Set<NetworkPolicyEgressRule> identityProvider = null;
        for (String name : DEPLOYMENTS) {
            Set<NetworkPolicyEgressRule> rules = new java.util.HashSet<>(m.get(NetworkPolicy.class, name).getSpec().getEgress());
            if (identityProvider == null) {
                identityProvider = rules;
            } else {
                identityProvider.retainAll(rules);
            }
        }
        identityProvider.removeIf(rule -> rule.getTo().get(0).getIpBlock() == null && !toSimulators(rule));
        assertFalse(identityProvider.isEmpty(), overlay + ": every service reaches the identity provider");
        for (String name : DEPLOYMENTS) {
            NetworkPolicy policy = m.get(NetworkPolicy.class, name);
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes(), overlay + ": " + name);
            boolean dns = false;
            boolean kafkaRule = false;
            boolean database = false;
            boolean traces = false;
            List<NetworkPolicyEgressRule> outside = new ArrayList<>();
            for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                Set<Integer> ports = rule.getPorts().stream().map(NetworkPolicyPort::getPort).map(IntOrString::getIntVal)
                        .collect(Collectors.toSet());
                assertFalse(rule.getTo() == null || rule.getTo().isEmpty(), overlay + ": " + name + " egress to anywhere");
                assertFalse(rule.getPorts().isEmpty(), overlay + ": " + name + " egress on every port");
                NetworkPolicyPeer peer = rule.getTo().get(0);
                Map<String, String> podLabels = peer.getPodSelector() == null ? Map.of()
                        : Optional.ofNullable(peer.getPodSelector().getMatchLabels()).orElse(Map.of());
                if (ports.equals(Set.of(53))) {
                    dns = true;
                } else if (podLabels.containsKey("strimzi.io/cluster")) {
                    assertEquals(Set.of(kafkaPort), ports, overlay + ": " + name + " Kafka port");
                    kafkaRule = true;
                } else if (podLabels.containsKey("cnpg.io/cluster")) {
                    assertEquals(Set.of(5432), ports);
                    database = true;
                } else if ("otel-collector".equals(podLabels.get("app.kubernetes.io/name"))) {
                    assertEquals(Set.of(4317), ports, overlay + ": " + name + " sends traces by OTLP gRPC only");
                    traces = true;
                } else if (peer.getIpBlock() != null || "simulators".equals(podLabels.get("app.kubernetes.io/name"))) {
                    outside.add(rule);
                } else if (!name.equals("ops-console")) {
                    fail(overlay + ": " + name + " has an egress rule to " + rule.getTo());
                }
            }
            assertTrue(dns, overlay + ": " + name + " resolves names");
            assertEquals(KAFKA_SERVICES.contains(name), kafkaRule, overlay + ": " + name + " reaches Kafka");
            assertEquals(KAFKA_SERVICES.contains(name), database, overlay + ": " + name + " reaches its database");
            assertEquals(KAFKA_SERVICES.contains(name), traces, overlay + ": " + name + " reaches the trace collector");
            assertTrue(outside.containsAll(identityProvider), overlay + ": " + name + " reaches the identity provider");
            if (overlay.equals("production")) {
                assertEquals(CALLS_OUTSIDE.contains(name), !identityProvider.containsAll(outside),
                        overlay + ": " + name + " outside parties beside the identity provider");
            } else {
                // the simulators play every outside party, the identity provider among them: one rule for all
                assertEquals(identityProvider, Set.copyOf(outside), overlay + ": " + name + " reaches only the simulators");
            }
            if (overlay.equals("production")) {
                outside.forEach(rule -> {
                    rule.getTo().forEach(p -> assertNotNull(p.getIpBlock(), name + ": production reaches partners by network"));
                    assertEquals(Set.of(443), rule.getPorts().stream().map(p -> p.getPort().getIntVal())
                            .collect(Collectors.toSet()), overlay + ": " + name + " reaches partners over HTTPS only");
                });
            }
        }
        // Kafka's listener admits only pods marked as its clients, which only the Kafka-using services are
        GenericKafkaListener listener = kafka.getSpec().getKafka().getListeners().get(0);
        assertTrue(listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512, overlay + ": SCRAM listener");
        assertEquals(Map.of("flexsi.org/kafka-client", "true"),
                listener.getNetworkPolicyPeers().get(0).getPodSelector().getMatchLabels());
        for (String name : DEPLOYMENTS) {
            Map<String, String> labels = m.get(Deployment.class, name).getSpec().getTemplate().getMetadata().getLabels();
            assertEquals(KAFKA_SERVICES.contains(name), "true".equals(labels.get("flexsi.org/kafka-client")), name);
        }
    }

    private static boolean toSimulators(NetworkPolicyEgressRule rule) {
        return rule.getTo().stream().anyMatch(peer -> peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null
                && "simulators".equals(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void secretsOnlyByReference(String overlay) {
        Manifests m = Manifests.of(overlay);
        m.documents.forEach(d -> assertFalse(d.path("kind").asText().equals("Secret"),
                overlay + ": a Secret is in the manifests: " + StrictModels.describe(d)));
        Pattern secretish = Pattern.compile("SECRET|PASSWORD|JAAS|TOKEN|KEY_ID|ACCESS_KEY");
        for (String name : DEPLOYMENTS) {
            m.environment(m.get(Deployment.class, name)).forEach((var, value) -> {
                if (secretish.matcher(var).find() && !var.endsWith("_LOCATION")) {
                    assertTrue(value.getValueFrom() != null && value.getValueFrom().getSecretKeyRef() != null,
                            overlay + ": " + name + " " + var + " must come from a secretKeyRef");
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void kafkaIsThreeKraftNodesWithReplicationThreeAndMinInsyncTwo(String overlay) {
        Manifests m = Manifests.of(overlay);
        Kafka kafka = m.all(Kafka.class).get(0);
        KafkaNodePool pool = m.all(KafkaNodePool.class).get(0);
        assertEquals(kafka.getMetadata().getName(), pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertEquals(3, pool.getSpec().getReplicas(), overlay + ": node pool");
        assertEquals(Set.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER), Set.copyOf(pool.getSpec().getRoles()));
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/kraft"));
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertEquals("3", String.valueOf(config.get("default.replication.factor")));
        assertEquals("2", String.valueOf(config.get("min.insync.replicas")));
        assertEquals("3", String.valueOf(config.get("offsets.topic.replication.factor")));
        assertEquals("false", String.valueOf(config.get("auto.create.topics.enable")), "topics only as KafkaTopics");
        assertEquals("simple", kafka.getSpec().getKafka().getAuthorization().getType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theDatabaseClusterIsSizedAndBackedUpForItsOverlay(String overlay) {
        Manifests m = Manifests.of(overlay);
        JsonNode cluster = m.cnpg("Cluster").get(0).path("spec");
        assertFalse(cluster.path("enableSuperuserAccess").asBoolean(true), "no superuser over the network");
        if (overlay.equals("production")) {
            assertEquals(3, cluster.path("instances").asInt(), "production: three instances");
            JsonNode store = cluster.path("backup").path("barmanObjectStore");
            assertTrue(store.path("destinationPath").asText().startsWith("s3://"), "backups to object storage");
            assertFalse(store.path("s3Credentials").path("accessKeyId").path("name").asText().isEmpty(), "by reference");
            assertFalse(store.path("s3Credentials").path("secretAccessKey").path("name").asText().isEmpty(), "by reference");
            assertEquals(1, m.cnpg("ScheduledBackup").size(), "a nightly base backup");
        } else {
            assertEquals(1, cluster.path("instances").asInt(), "local: one instance");
            assertTrue(m.cnpg("ScheduledBackup").isEmpty());
        }
    }

    // ---- helpers

    private static Path module(String name) {
        return Repo.module(Repo.MODULES.get(name)).orElseThrow(() -> new AssertionError("no module " + name));
    }

    private static Map<String, String> labels(Deployment d) {
        return Map.of("app.kubernetes.io/name", d.getMetadata().getName());
    }

    private static String topicName(KafkaTopic t) {
        return t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName();
    }

    private static void assertProbe(String overlay, String name, Probe probe, String path, ContainerPort http) {
        assertNotNull(probe, overlay + ": " + name + " has no probe for " + path);
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, overlay + ": " + name + " probe " + path + " is not HTTP");
        assertTrue(HEALTH.contains(get.getPath()), path);
        assertEquals(path, get.getPath(), overlay + ": " + name);
        IntOrString port = get.getPort();
        assertTrue(http.getName().equals(port.getStrVal()) || http.getContainerPort().equals(port.getIntVal()),
                overlay + ": " + name + " probes port " + port);
    }

    private static List<AclOperation> operations(AclRule rule) {
        List<AclOperation> ops = new ArrayList<>();
        if (rule.getOperations() != null) {
            ops.addAll(rule.getOperations());
        }
        if (rule.getOperation() != null) {
            ops.add(rule.getOperation());
        }
        return ops;
    }

    /** Whether some rule grants the operation on the resource (literal or prefix match, as Kafka decides). */
    private static boolean allows(List<AclRule> acls, String type, String name, AclOperation op) {
        for (AclRule rule : acls) {
            if (!operations(rule).contains(op) && !operations(rule).contains(AclOperation.ALL)) {
                continue;
            }
            String ruleName;
            AclResourcePatternType pattern;
            if (type.equals("topic") && rule.getResource() instanceof AclRuleTopicResource t) {
                ruleName = t.getName();
                pattern = t.getPatternType();
            } else if (type.equals("group") && rule.getResource() instanceof AclRuleGroupResource g) {
                ruleName = g.getName();
                pattern = g.getPatternType();
            } else {
                continue;
            }
            boolean prefix = pattern == AclResourcePatternType.PREFIX;
            if (prefix ? name.startsWith(ruleName) : name.equals(ruleName)) {
                return true;
            }
        }
        return false;
    }

    private static String secretOf(Map<String, EnvVar> env, String var) {
        EnvVar v = env.get(var);
        assertNotNull(v, "no " + var);
        assertNotNull(v.getValueFrom(), var + " is not from a secret");
        assertNotNull(v.getValueFrom().getSecretKeyRef(), var + " is not from a secret");
        return v.getValueFrom().getSecretKeyRef().getName();
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new TreeMap<>();
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            out.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return out;
    }

    private static int indexOf(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i).trim()).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** A platform {@code @ConfigProperty} default duration such as "30d", read from the source. */
    private static Duration platformDefault(String property) {
        Pattern p = Pattern.compile("name\\s*=\\s*\"" + Pattern.quote(property) + "\"\\s*,\\s*defaultValue\\s*=\\s*\"(\\d+)([dhms])\"");
        try (var files = java.nio.file.Files.walk(Repo.platform().resolve("src/main/java"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher matcher = p.matcher(Repo.read(f));
                if (matcher.find()) {
                    long n = Long.parseLong(matcher.group(1));
                    return switch (matcher.group(2)) {
                        case "d" -> Duration.ofDays(n);
                        case "h" -> Duration.ofHours(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofSeconds(n);
                    };
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no default for " + property + " in the platform");
    }
}
