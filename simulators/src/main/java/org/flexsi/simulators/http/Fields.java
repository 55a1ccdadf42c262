package org.flexsi.simulators.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the fields of one JSON object and fails with a 400 that names the offending field by its full
 * path (e.g. {@code records[2].amount}), so a caller can see at once what to fix.
 */
public final class Fields {
    /** Identifiers end up in URL paths, so they are limited to characters that need no escaping. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** Money on the wire: a non-negative decimal with exactly two places, as the providers require. */
    private static final Pattern MONEY = Pattern.compile("(0|[1-9][0-9]{0,12})\\.[0-9]{2}");

    private final JsonNode node;
    private final String prefix;

    public Fields(JsonNode node, String path) {
        this.node = node;
        this.prefix = path.isEmpty() ? "" : path + ".";
    }

    public static Fields of(JsonNode object) {
        return new Fields(object, "");
    }

    private String name(String field) {
        return prefix + field;
    }

    public Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return Optional.of(value.textValue());
    }

    public String text(String field) {
        String value = optionalText(field).orElseThrow(() -> invalid(field, "is required"));
        if (value.isBlank()) {
            throw invalid(field, "must not be blank");
        }
        return value;
    }

    public String identifier(String field) {
        String value = text(field);
        if (!IDENTIFIER.matcher(value).matches()) {
            throw invalid(field, "must be 1-64 characters of A-Z a-z 0-9 _ . -");
        }
        return value;
    }

    public Integer intOrNull(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw invalid(field, "must be an integer");
        }
        return value.intValue();
    }

    /** A strictly positive amount: nobody pays or books zero. */
    public Optional<BigDecimal> optionalMoney(String field) {
        return optionalText(field).map(value -> {
            if (!MONEY.matcher(value).matches()) {
                throw invalid(field, "must be a decimal string with exactly 2 places, e.g. \"123.45\"");
            }
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() <= 0) {
                throw invalid(field, "must be greater than 0.00");
            }
            return amount;
        });
    }

    public BigDecimal money(String field) {
        return optionalMoney(field).orElseThrow(() -> invalid(field, "is required"));
    }

    public Instant instant(String field) {
        String value = text(field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be an ISO-8601 instant, e.g. 2026-01-31T08:00:00Z");
        }
    }

    public Optional<URI> optionalHttpUrl(String field) {
        return optionalText(field).map(value -> {
            try {
                URI uri = new URI(value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw invalid(field, "must be an absolute http(s) URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw invalid(field, "must be an absolute http(s) URL");
            }
        });
    }

    public URI httpUrl(String field) {
        return optionalHttpUrl(field).orElseThrow(() -> invalid(field, "is required"));
    }

    /** The elements of a required, non-empty array, each paired with its path for further errors. */
    public List<Element> array(String field, int maxSize) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw invalid(field, "is required");
        }
        if (!value.isArray() || value.isEmpty()) {
            throw invalid(field, "must be a non-empty array");
        }
        if (value.size() > maxSize) {
            throw invalid(field, "must not have more than " + maxSize + " elements");
        }
        List<Element> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            elements.add(new Element(value.get(i), prefix + field + "[" + i + "]"));
        }
        return elements;
    }

    public Problem invalid(String field, String why) {
        return Problem.badRequest(name(field) + " " + why);
    }

    public record Element(JsonNode node, String path) {

        public Fields fields() {
            if (!node.isObject()) {
                throw Problem.badRequest(path + " must be an object");
            }
            return new Fields(node, path);
        }

        public String text() {
            if (!node.isTextual() || node.textValue().isBlank()) {
                throw Problem.badRequest(path + " must be a non-blank string");
            }
            return node.textValue();
        }
    }
}
