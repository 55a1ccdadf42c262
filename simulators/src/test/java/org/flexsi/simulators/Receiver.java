package org.flexsi.simulators;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flexsi.contracts.signing.HttpSignature;

/** A stand-in for flexsi's callback endpoints: records what arrives and answers with scripted statuses. */
final class Receiver implements AutoCloseable {
    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Integer> scriptedStatuses = new ConcurrentLinkedQueue<>();

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestHeaders(), body));
                Integer status = scriptedStatuses.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests get these statuses, in order; after that, 200. */
    void respondWith(int... statuses) {
        for (int status : statuses) {
            scriptedStatuses.add(status);
        }
    }

    Received next(Duration timeout) throws InterruptedException {
        Received next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
            throw new AssertionError("no callback within " + timeout);
        }
        return next;
    }

    /** Null when nothing arrives within the timeout. */
    Received poll(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Received(String method, String path, Headers headers, byte[] body) {

        boolean verifies(String secret) {
            String timestamp = headers.getFirst(HttpSignature.TIMESTAMP);
            return timestamp != null && HttpSignature.withinSkew(Long.parseLong(timestamp), Instant.now())
                    && HttpSignature.verify(secret, method, path, Long.parseLong(timestamp),
                            headers.getFirst(HttpSignature.NONCE), body, headers.getFirst(HttpSignature.SIGNATURE));
        }

        String keyId() {
            return headers.getFirst(HttpSignature.KEY_ID);
        }

        String nonce() {
            return headers.getFirst(HttpSignature.NONCE);
        }
    }
}
