package org.flexsi.payment.signature;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.payment.config.PaymentConfig;

/**
 * Our requests to outside parties (providers, banks), signed per {@link HttpSignature} with the secret shared with
 * that party: method, path, timestamp, a fresh nonce and the body. The counterpart of {@link SignedRequests}.
 */
@ApplicationScoped
public class SignedCalls {
    /** The key id we sign with; the party's path picks the secret, not this. */
    private static final String KEY_ID = "flexsi";

    private final HttpClient http;

    public SignedCalls(PaymentConfig config) {
        this.http = HttpClient.newBuilder().connectTimeout(config.orders().providerTimeout()).build();
    }

    /**
     * A GET when {@code body} is null, else a POST of JSON.
     *
     * @throws IOException when the party did not answer (refused, timed out, interrupted)
     */
    public HttpResponse<String> send(String secret, String method, URI uri, byte[] body, Duration timeout) throws IOException {
        long now = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        byte[] payload = body == null ? new byte[0] : body;
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header(HttpSignature.KEY_ID, KEY_ID)
                .header(HttpSignature.TIMESTAMP, Long.toString(now))
                .header(HttpSignature.NONCE, nonce)
                .header(HttpSignature.SIGNATURE, HttpSignature.sign(secret, method, uri.getRawPath(), now, nonce, payload));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("call interrupted");
        }
    }

    /** The start of a party's answer, for an error message or an ops issue. */
    public static String excerpt(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return response.statusCode() + ": " + (body.length() > 300 ? body.substring(0, 300) : body);
    }
}
