package org.flexsi.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One rendered overlay, every document parsed into its model. */
final class Manifests {
    final String overlay;
    final List<JsonNode> documents;
    private final List<Object> models = new ArrayList<>();

    private Manifests(String overlay) {
        this.overlay = overlay;
        this.documents = Rendered.overlay(overlay);
        for (JsonNode doc : documents) {
            models.add(StrictModels.parse(doc));
        }
    }

    private static final Map<String, Manifests> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static Manifests of(String overlay) {
        return CACHE.computeIfAbsent(overlay, Manifests::new);
    }

    <T> List<T> all(Class<T> type) {
        return models.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends io.fabric8.kubernetes.api.model.HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(m -> m.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(Class<T> type, String name) {
        return named(type, name).orElseThrow(() -> new AssertionError(
                overlay + ": no " + type.getSimpleName() + " " + name));
    }

    /** CloudNativePG documents of a kind (kept as trees: no Java model). */
    List<JsonNode> cnpg(String kind) {
        return documents.stream().filter(d -> d.path("apiVersion").asText().equals("postgresql.cnpg.io/v1")
                && d.path("kind").asText().equals(kind)).toList();
    }

    static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(deployment.getMetadata().getName() + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    /** The container's environment as a map: variable name to its EnvVar (envFrom ConfigMaps expanded). */
    Map<String, EnvVar> environment(Deployment deployment) {
        Container c = container(deployment);
        Map<String, EnvVar> env = new LinkedHashMap<>();
        for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            if (from.getConfigMapRef() == null) {
                throw new AssertionError(deployment.getMetadata().getName() + ": envFrom other than a ConfigMap");
            }
            ConfigMap map = get(ConfigMap.class, from.getConfigMapRef().getName());
            map.getData().forEach((k, v) -> env.put(k, new EnvVar(k, v, null)));
        }
        for (EnvVar var : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            env.put(var.getName(), var);
        }
        return env;
    }
}
