package org.flexsi.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** The repository the tests hold the manifests to: its modules' sources and configuration. */
final class Repo {
    static final Path ROOT = findRoot();

    /** The modules that run as Deployments, by Deployment name. */
    static final Map<String, String> MODULES = Map.of(
            "registration-service", "registration-service",
            "assessment-service", "assessment-service",
            "payment-service", "payment-service",
            "certificate-service", "certificate-service",
            "rights-sync-service", "rights-sync-service",
            "ops-console", "ops-console");

    private Repo() {
    }

    private static Path findRoot() {
        String configured = System.getProperty("flexsi.root");
        Path start = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s")) && Files.isDirectory(p.resolve("contracts"))) {
                return p;
            }
        }
        throw new IllegalStateException("no flexsi checkout above " + start);
    }

    /** A module's directory, if this checkout has it (ops-console arrives from another branch). */
    static Optional<Path> module(String name) {
        Path dir = ROOT.resolve(name);
        return Files.isDirectory(dir.resolve("src/main")) ? Optional.of(dir) : Optional.empty();
    }

    /** Whether the module is built on the platform (and so has its configuration, Kafka and a database). */
    static boolean onPlatform(Path module) {
        return read(module.resolve("pom.xml")).contains("<artifactId>platform</artifactId>")
                || read(module.resolve("pom.xml")).contains("<artifactId>flexsi-service-parent</artifactId>");
    }

    static Path platform() {
        return ROOT.resolve("platform");
    }

    /** The non-profile entries of a properties file, in file order. */
    static Map<String, String> properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).sorted()
                .forEach(k -> out.put(k, properties.getProperty(k)));
        return out;
    }

    static Map<String, String> applicationProperties(Path module) {
        return properties(module.resolve("src/main/resources/application.properties"));
    }

    static Map<String, String> platformProperties() {
        return properties(platform().resolve("src/main/resources/META-INF/microprofile-config.properties"));
    }

    /** What a platform service is configured with before its environment: the platform's defaults, then its own. */
    static Map<String, String> effectiveProperties(Path module) {
        Map<String, String> out = new LinkedHashMap<>();
        if (onPlatform(module)) {
            out.putAll(platformProperties());
        }
        out.putAll(applicationProperties(module));
        return out;
    }

    static List<Path> javaSources(Path module) {
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variable that sets a property (SmallRye Config's rule: non-alphanumerics become _). */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
