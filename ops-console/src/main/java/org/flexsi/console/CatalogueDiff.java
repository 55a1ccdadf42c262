package org.flexsi.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a catalogue draft changes against the published version of its region and year, field by field, so the second
 * operator reviews the change and not the whole catalogue. Plain data in, lines out.
 */
final class CatalogueDiff {
    /** One field that differs: its path (insurances[0].base.floor), the published value and the draft's ("" when absent). */
    @io.quarkus.qute.TemplateData
    record Line(String path, String published, String draft) {
    }

    private CatalogueDiff() {
    }

    /** The lines of {@code draft} that differ from {@code published} (every line when nothing is published), in path order. */
    static List<Line> of(Object published, Object draft) {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        flatten("", published, before);
        flatten("", draft, after);
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<Line> lines = new ArrayList<>();
        for (String path : paths) {
            String was = before.getOrDefault(path, "");
            String is = after.getOrDefault(path, "");
            if (!Objects.equals(was, is)) {
                lines.add(new Line(path, was, is));
            }
        }
        return lines;
    }

    private static void flatten(String path, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, child) -> flatten(path.isEmpty() ? String.valueOf(name) : path + "." + name, child, out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), out);
            }
        } else if (value != null) {
            out.put(path, String.valueOf(value));
        }
    }
}
