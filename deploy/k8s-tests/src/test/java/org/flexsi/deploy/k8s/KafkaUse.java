package org.flexsi.deploy.k8s;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flexsi.contracts.Topics;

/**
 * What a module does with Kafka, read from its code and configuration: the topics it writes (the contract events
 * it hands to the outbox), and per incoming channel the topic, consumer group and dead-letter topic.
 */
record KafkaUse(String application, Set<String> produces, Map<String, Channel> channels) {

    record Channel(String name, String topic, String group, boolean groupIsPrefix, String deadLetterTopic) {
    }

    private static final Pattern RETURNS_TOPIC = Pattern.compile("return\\s+Topics\\.(\\w+)\\s*;");
    private static final Pattern CONSTRUCTS = Pattern.compile("new\\s+(\\w+)\\s*\\(");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(.+)");
    private static final Pattern INCOMING_ANNOTATION = Pattern.compile("@Incoming\\(\\s*\"([^\"]+)\"\\s*\\)");

    static KafkaUse of(Path module) {
        Map<String, String> props = Repo.effectiveProperties(module);
        String application = props.get("quarkus.application.name");
        Map<String, String> eventTopics = eventTopics();
        Set<String> produces = new TreeSet<>();
        for (Path source : Repo.javaSources(module)) {
            String text = RequiredConfig.stripComments(Repo.read(source));
            if (!text.toLowerCase(java.util.Locale.ROOT).contains("outbox")) {
                continue; // a file that builds an event without publishing it (a read model) writes nothing
            }
            Matcher m = CONSTRUCTS.matcher(text);
            while (m.find()) {
                String topic = eventTopics.get(m.group(1));
                if (topic != null) {
                    produces.add(topic);
                }
            }
        }
        Map<String, Map<String, String>> byChannel = new TreeMap<>();
        props.forEach((key, value) -> {
            Matcher m = INCOMING.matcher(key);
            if (m.matches()) {
                byChannel.computeIfAbsent(m.group(1), c -> new HashMap<>()).put(m.group(2), value);
            }
        });
        Map<String, Channel> channels = new TreeMap<>();
        byChannel.forEach((name, channel) -> {
            String group = channel.getOrDefault("group.id", application); // Quarkus: the application name
            group = group.replace("${quarkus.application.name}", application);
            boolean prefix = group.contains("${");
            if (prefix) {
                group = group.substring(0, group.indexOf("${"));
            }
            channels.put(name, new Channel(name, channel.getOrDefault("topic", name), group, prefix,
                    channel.get("dead-letter-queue.topic")));
        });
        return new KafkaUse(application, produces, channels);
    }

    /** Incoming channel names used in the module's code (and the platform's, for platform modules). */
    static Set<String> incomingChannelsInCode(Path module) {
        Set<String> out = new TreeSet<>();
        var sources = new java.util.ArrayList<>(Repo.javaSources(module));
        if (Repo.onPlatform(module)) {
            sources.addAll(Repo.javaSources(Repo.platform()));
        }
        for (Path source : sources) {
            Matcher m = INCOMING_ANNOTATION.matcher(Repo.read(source));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Each contract event class and the topic its {@code topic()} returns. */
    static Map<String, String> eventTopics() {
        Map<String, String> constants = topicConstants();
        Map<String, String> out = new TreeMap<>();
        Path events = Repo.ROOT.resolve("contracts/src/main/java/org/flexsi/contracts/events");
        try (var files = Files.list(events)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                Matcher m = RETURNS_TOPIC.matcher(Repo.read(p));
                if (m.find()) {
                    String topic = constants.get(m.group(1));
                    if (topic == null) {
                        throw new IllegalStateException(p + " returns an unknown Topics." + m.group(1));
                    }
                    out.put(p.getFileName().toString().replace(".java", ""), topic);
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** Topics' String constants, by field name, from the class itself. */
    static Map<String, String> topicConstants() {
        Map<String, String> out = new TreeMap<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    out.put(f.getName(), (String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
