package org.flexsi.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents 1.0 Kafka protocol binding, binary mode: attributes as {@code ce_*} headers, JSON body. */
public final class CloudEventHeaders {
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    public static void write(Headers headers, UUID id, String source, String type, String subject, Instant time) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, id.toString());
        put(headers, SOURCE, source);
        put(headers, TYPE, type);
        put(headers, TIME, time.toString());
        if (subject != null) {
            put(headers, SUBJECT, subject);
        }
        put(headers, CONTENT_TYPE, "application/json");
    }

    /** The header's text, or null when absent. */
    public static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
