package org.flexsi.payment.signature;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.platform.observability.TraceContext;

/**
 * Our requests to outside parties (providers, banks), signed per {@link HttpSignature} with the secret shared with
 * that party: method, path, timestamp, a fresh nonce and the body. The counterpart of {@link SignedRequests}.
 * Each carries the current W3C {@code traceparent}, not signed (tracing is no part of what the party acts on).
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
        HttpRequest.Builder request = signed(uri, timeout, now, nonce,
                HttpSignature.sign(secret, method, uri.getRawPath(), now, nonce, payload));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        }
        return call(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * POSTs a file (a bank's debit file, up to 256 MB) without holding it in memory: one streaming pass for the
     * signature, one for the upload. The answer comes as bytes: a result file to book.
     *
     * @throws IOException when the party did not answer (refused, timed out, interrupted), or the file cannot be read
     */
    public HttpResponse<byte[]> postFile(String secret, URI uri, Path file, String contentType, Duration timeout) throws IOException {
        long now = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        HttpRequest request = signed(uri, timeout, now, nonce, signFile(secret, "POST", uri.getRawPath(), now, nonce, file))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        return call(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder signed(URI uri, Duration timeout, long epochSeconds, String nonce, String signature) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        // the party sees our trace and sends it back on its callback, so the callback joins the order's trace
        String traceparent = TraceContext.current();
        if (traceparent != null) {
            builder.header(TraceContext.HEADER, traceparent);
        }
        return builder
                .timeout(timeout)
                .header(HttpSignature.KEY_ID, KEY_ID)
                .header(HttpSignature.TIMESTAMP, Long.toString(epochSeconds))
                .header(HttpSignature.NONCE, nonce)
                .header(HttpSignature.SIGNATURE, signature);
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> answer) throws IOException {
        try {
            return http.send(request, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("call interrupted");
        }
    }

    /** {@link HttpSignature#sign} over a file's content, its SHA-256 taken while streaming it. */
    static String signFile(String secret, String method, String rawPath, long epochSeconds, String nonce, Path file)
            throws IOException {
        return HttpSignature.signDigest(secret, method, rawPath, epochSeconds, nonce, sha256Hex(file));
    }

    private static String sha256Hex(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The start of a party's answer, for an error message or an ops issue. */
    public static String excerpt(HttpResponse<String> response) {
        return excerpt(response.statusCode(), response.body());
    }

    /** The same, from a status and a body already read (null for none). */
    public static String excerpt(int status, String body) {
        String text = body == null ? "" : body;
        return status + ": " + (text.length() > 300 ? text.substring(0, 300) : text);
    }
}
