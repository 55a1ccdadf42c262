package org.flexsi.rightssync.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.rightssync.config.Endpoints;
import org.flexsi.rightssync.record.Agency;

/** The signed HTTP link to the pension and medical systems ({@code /agencies/{agency}/...}). */
@ApplicationScoped
public class AgencyClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper mapper;
    private final PartnerJson partnerJson;
    private final Endpoints.Simulators agencies;
    private final Endpoints.Self self;
    private final Endpoints.Secrets secrets;

    public AgencyClient(ObjectMapper mapper, PartnerJson partnerJson, Endpoints.Simulators agencies, Endpoints.Self self,
            Endpoints.Secrets secrets) {
        this.mapper = mapper;
        this.partnerJson = partnerJson;
        this.agencies = agencies;
        this.self = self;
        this.secrets = secrets;
    }

    public sealed interface SendResult {
    }

    /** The agency holds the records: new ones are {@code accepted}, already held ones {@code duplicates}. */
    public record Accepted(String receiptId, List<String> accepted, List<String> duplicates) implements SendResult {
    }

    /** The agency refused the content of the request (4xx other than auth); resending it will not help. */
    public record Refused(int status, String detail) implements SendResult {
    }

    /** The agency could not be reached or answered with an error; try again later. */
    public record Failed(String reason) implements SendResult {
    }

    public sealed interface PollResult {
    }

    public record Decided(AgencyDecision decision) implements PollResult {
    }

    public record Undecided() implements PollResult {
    }

    /** The agency does not hold the record (it lost it): it must be sent again. */
    public record NotHeld() implements PollResult {
    }

    public record PollFailed(String reason) implements PollResult {
    }

    public String callbackUrl(Agency agency) {
        return strip(self.url()) + "/api/v1/callbacks/agencies/" + agency.id();
    }

    public String secret(Agency agency) {
        return agency == Agency.PENSION ? secrets.pension() : secrets.medical();
    }

    public SendResult send(Agency agency, List<Outgoing> records) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("callbackUrl", callbackUrl(agency));
        body.put("records", records);
        HttpResponse<String> response;
        try {
            response = exchange(agency, "POST", "/agencies/" + agency.id() + "/rights-records", mapper.writeValueAsBytes(body));
        } catch (IOException e) {
            return new Failed(describe(e));
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            try {
                JsonNode receipt = mapper.readTree(response.body());
                return new Accepted(receipt.path("receiptId").asText(null), texts(receipt.path("accepted")),
                        texts(receipt.path("duplicates")));
            } catch (IOException e) {
                return new Failed("unreadable receipt: " + e.getMessage());
            }
        }
        if (status / 100 == 4 && status != 401 && status != 403 && status != 408 && status != 429) {
            return new Refused(status, detail(response.body()));
        }
        return new Failed("HTTP " + status + " " + detail(response.body()));
    }

    public PollResult status(Agency agency, String recordId) {
        HttpResponse<String> response;
        try {
            response = exchange(agency, "GET", "/agencies/" + agency.id() + "/rights-records/" + recordId, new byte[0]);
        } catch (IOException e) {
            return new PollFailed(describe(e));
        }
        if (response.statusCode() == 404) {
            return new NotHeld();
        }
        if (response.statusCode() != 200) {
            return new PollFailed("HTTP " + response.statusCode() + " " + detail(response.body()));
        }
        try {
            AgencyDecision state = partnerJson.read(response.body(), AgencyDecision.class);
            return "CONFIRMED".equals(state.status()) || "REJECTED".equals(state.status())
                    ? new Decided(state) : new Undecided();
        } catch (IOException e) {
            return new PollFailed("unreadable status: " + e.getMessage());
        }
    }

    private HttpResponse<String> exchange(Agency agency, String method, String path, byte[] body) throws IOException {
        URI uri = URI.create(strip(agencies.url()) + path);
        long now = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(HttpSignature.KEY_ID, "flexsi")
                .header(HttpSignature.TIMESTAMP, Long.toString(now))
                .header(HttpSignature.NONCE, nonce)
                .header(HttpSignature.SIGNATURE, HttpSignature.sign(secret(agency), method, uri.getRawPath(), now, nonce, body));
        request = "GET".equals(method) ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String detail(String body) {
        try {
            JsonNode problem = mapper.readTree(body);
            return problem.path("detail").asText(body);
        } catch (IOException | RuntimeException e) {
            return body == null ? "" : body.substring(0, Math.min(200, body.length()));
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
