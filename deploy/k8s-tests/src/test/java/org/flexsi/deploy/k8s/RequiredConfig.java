package org.flexsi.deploy.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration properties a module reads that have no default in its code: every {@code @ConfigMapping}
 * member without {@code @WithDefault} that is neither Optional nor a Map (nested interfaces followed), and every
 * {@code @ConfigProperty} without {@code defaultValue}. Read from the sources, so a property added tomorrow is held
 * to the manifests the day it lands.
 */
final class RequiredConfig {
    private static final Pattern MAPPING = Pattern.compile(
            "@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"\\s*\\)[^{;]*?interface\\s+(\\w+)[^{]*\\{");
    private static final Pattern NESTED = Pattern.compile("interface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile("^(.*?)([\\w.<>, ?\\[\\]]+?)\\s+(\\w+)\\s*\\(\\s*\\)$", Pattern.DOTALL);
    private static final Pattern PROPERTY = Pattern.compile("@ConfigProperty\\(([^)]*)\\)");
    private static final Pattern NAME = Pattern.compile("name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"\\s*\\)");

    private RequiredConfig() {
    }

    /** Required properties of a module, with the platform's when it is built on it. */
    static Set<String> of(Path module) {
        Set<String> required = new TreeSet<>();
        List<Path> sources = new ArrayList<>(Repo.javaSources(module));
        if (Repo.onPlatform(module)) {
            sources.addAll(Repo.javaSources(Repo.platform()));
        }
        for (Path source : sources) {
            String text = stripComments(Repo.read(source));
            required.addAll(fromMappings(text));
            required.addAll(fromProperties(text));
        }
        return required;
    }

    static Set<String> fromProperties(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PROPERTY.matcher(text);
        while (m.find()) {
            String args = m.group(1);
            Matcher name = NAME.matcher(args);
            if (name.find() && !args.contains("defaultValue")) {
                out.add(name.group(1));
            }
        }
        return out;
    }

    static Set<String> fromMappings(String text) {
        Map<String, String> nested = new HashMap<>();
        Matcher n = NESTED.matcher(text);
        while (n.find()) {
            nested.put(n.group(1), body(text, n.end() - 1));
        }
        Set<String> out = new TreeSet<>();
        Matcher m = MAPPING.matcher(text);
        while (m.find()) {
            members(m.group(1), body(text, m.end() - 1), nested, out, 0);
        }
        return out;
    }

    private static void members(String prefix, String body, Map<String, String> nested, Set<String> out, int depth) {
        if (depth > 8) {
            throw new IllegalStateException("config mapping nested too deep at " + prefix);
        }
        for (String member : topLevelStatements(body)) {
            Matcher method = METHOD.matcher(member.trim());
            if (!method.matches()) {
                continue;
            }
            String annotations = method.group(1);
            String type = method.group(2).trim();
            String name = method.group(3);
            if (annotations.contains("@WithDefault") || type.startsWith("Optional") || type.startsWith("Map<")
                    || type.startsWith("java.util.Optional") || type.startsWith("java.util.Map<")) {
                continue;
            }
            Matcher withName = WITH_NAME.matcher(annotations);
            String property = prefix + "." + (withName.find() ? withName.group(1) : kebab(name));
            if (annotations.contains("@WithParentName")) {
                property = prefix;
            }
            String simpleType = type.replaceAll("<.*", "");
            if (nested.containsKey(simpleType)) {
                members(property, nested.get(simpleType), nested, out, depth + 1);
            } else {
                out.add(property);
            }
        }
    }

    /** The statements at the top level of an interface body; nested bodies are skipped. */
    private static List<String> topLevelStatements(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : body.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    current.setLength(0);
                }
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    current.setLength(0);
                }
            } else if (depth == 0) {
                if (c == ';') {
                    out.add(current.toString());
                    current.setLength(0);
                } else {
                    current.append(c);
                }
            }
        }
        return out;
    }

    /** The text between the brace at {@code open} and its partner. */
    private static String body(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(open + 1, i);
            }
        }
        throw new IllegalStateException("unbalanced braces");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    static String stripComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", "");
    }
}
