package org.flexsi.systemtests;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A collector as small as the test needs: an OTLP/HTTP endpoint ({@code POST /v1/traces}, protobuf) that keeps
 * every span the services export. The protobuf is read by hand for the few fields used (trace and span ids,
 * parent, name, start time, the resource's {@code service.name}), so no generated classes are needed.
 */
final class OtlpReceiver implements AutoCloseable {
    record Span(String service, String traceId, String spanId, String parentSpanId, String name, long startNanos) {
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    bytes = new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
                }
                spans.addAll(exportRequest(bytes));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Span> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private static List<Span> exportRequest(byte[] bytes) {
        List<Span> found = new ArrayList<>();
        for (Field resourceSpans : fields(bytes)) {
            if (resourceSpans.number() != 1) {
                continue;
            }
            // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
            String service = "?";
            List<byte[]> scopes = new ArrayList<>();
            for (Field f : fields(resourceSpans.bytes())) {
                if (f.number() == 1) {
                    service = serviceName(f.bytes());
                } else if (f.number() == 2) {
                    scopes.add(f.bytes());
                }
            }
            for (byte[] scope : scopes) {
                // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
                for (Field f : fields(scope)) {
                    if (f.number() == 2) {
                        found.add(span(service, f.bytes()));
                    }
                }
            }
        }
        return found;
    }

    // Resource { repeated KeyValue attributes = 1; } KeyValue { string key = 1; AnyValue value = 2; }
    // AnyValue { string string_value = 1; ... }
    private static String serviceName(byte[] resource) {
        for (Field attribute : fields(resource)) {
            if (attribute.number() != 1) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field f : fields(attribute.bytes())) {
                if (f.number() == 1) {
                    key = new String(f.bytes(), StandardCharsets.UTF_8);
                } else if (f.number() == 2) {
                    for (Field any : fields(f.bytes())) {
                        if (any.number() == 1) {
                            value = new String(any.bytes(), StandardCharsets.UTF_8);
                        }
                    }
                }
            }
            if ("service.name".equals(key)) {
                return value;
            }
        }
        return "?";
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; fixed64 start = 7; }
    private static Span span(String service, byte[] bytes) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        long start = 0;
        for (Field f : fields(bytes)) {
            switch (f.number()) {
                case 1 -> traceId = HexFormat.of().formatHex(f.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(f.bytes());
                case 4 -> parent = HexFormat.of().formatHex(f.bytes());
                case 5 -> name = new String(f.bytes(), StandardCharsets.UTF_8);
                case 7 -> start = f.fixed();
                default -> {
                }
            }
        }
        return new Span(service, traceId, spanId, parent, name, start);
    }

    /** One protobuf field: its number and either its bytes (length-delimited) or its numeric value. */
    private record Field(int number, byte[] bytes, long fixed) {
    }

    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < message.length) {
            long tag = varint(message, at);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, null, varint(message, at)));
                case 1 -> {
                    long value = 0;
                    for (int i = 0; i < 8; i++) {
                        value |= (message[at[0] + i] & 0xffL) << (8 * i);
                    }
                    at[0] += 8;
                    fields.add(new Field(number, null, value));
                }
                case 2 -> {
                    int length = (int) varint(message, at);
                    byte[] bytes = java.util.Arrays.copyOfRange(message, at[0], at[0] + length);
                    at[0] += length;
                    fields.add(new Field(number, bytes, 0));
                }
                case 5 -> at[0] += 4;
                default -> throw new IllegalArgumentException("unexpected protobuf wire type " + (tag & 7));
            }
        }
        return fields;
    }

    private static long varint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0;; shift += 7) {
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }
}
