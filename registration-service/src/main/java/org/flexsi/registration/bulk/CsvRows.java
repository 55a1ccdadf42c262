package org.flexsi.registration.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.flexsi.platform.problem.ProblemException;

/** RFC 4180 CSV with a header row: each data row becomes a map from column name to value (empty → absent). */
final class CsvRows {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private CsvRows() {
    }

    static List<Map<String, String>> parse(String text) {
        List<CSVRecord> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text); // Excel writes a byte-order mark
        if (records.isEmpty()) {
            throw ProblemException.invalid("body", "the CSV has no header row");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < record.size(); i++) {
                String value = record.get(i).strip();
                if (!value.isEmpty()) {
                    row.put(header.get(i), value);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<CSVRecord> records(String text) {
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            return parser.getRecords();
        } catch (UncheckedIOException e) {
            // an unclosed quote, or text after a closing quote: the parser names the line
            throw ProblemException.invalid("body", "the CSV cannot be read: " + e.getCause().getMessage());
        } catch (IOException e) {
            throw ProblemException.invalid("body", "the CSV cannot be read: " + e.getMessage());
        }
    }
}
