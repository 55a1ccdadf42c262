package org.flexsi.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** An overlay of deploy/k8s as {@code kubectl kustomize} renders it: the documents a cluster would be given. */
final class Rendered {
    private static final Map<String, List<JsonNode>> CACHE = new ConcurrentHashMap<>();
    static final YAMLMapper YAML = new YAMLMapper();

    private Rendered() {
    }

    static List<JsonNode> overlay(String name) {
        return CACHE.computeIfAbsent(name, Rendered::render);
    }

    private static List<JsonNode> render(String overlay) {
        Path dir = Repo.ROOT.resolve("deploy/k8s/overlays").resolve(overlay);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no overlay " + dir);
        }
        String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
        try {
            Path out = Files.createTempFile("flexsi-" + overlay, ".yaml");
            Path err = Files.createTempFile("flexsi-" + overlay, ".err");
            Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            String yaml = Files.readString(out, StandardCharsets.UTF_8);
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + errors);
            }
            return parse(yaml);
        } catch (IOException e) {
            // kubectl is part of the machine these tests run on; without it they fail, they never skip
            throw new UncheckedIOException("cannot run kubectl (set KUBECTL to its path): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }
}
