package org.flexsi.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OpenID Connect provider operators sign in at, spoken to with the JDK's HTTP client: its endpoints from the
 * discovery document (read once it answers), the authorization URL, and the code exchanged for tokens
 * (client_secret_basic).
 */
@ApplicationScoped
public class OidcProvider {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ConsoleConfig.Oidc config;
    private final ObjectMapper json;
    private volatile JsonNode discovery;

    public OidcProvider(ConsoleConfig config, ObjectMapper json) {
        this.config = config.oidc();
        this.json = json;
    }

    /** The provider failed or refused: the operator is told, nothing is signed in. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message, null, false, false);
        }
    }

    /** Where the browser goes to sign in. */
    String authorizationUrl(String redirectUri, String state, String codeChallenge) throws Failed {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", config.clientId());
        params.put("redirect_uri", redirectUri);
        params.put("scope", "openid");
        params.put("state", state);
        params.put("code_challenge", codeChallenge);
        params.put("code_challenge_method", "S256");
        String endpoint = endpoint("authorization_endpoint");
        return endpoint + (endpoint.contains("?") ? "&" : "?") + form(params);
    }

    /** The access token the code stands for (RFC 6749 4.1.3, PKCE's verifier beside it). */
    String exchange(String code, String redirectUri, String codeVerifier) throws Failed {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("redirect_uri", redirectUri);
        params.put("code_verifier", codeVerifier);
        String secret = config.clientSecret().orElseThrow(() -> new Failed("flexsi.console.oidc.client-secret is not set"));
        // RFC 6749 2.3.1: id and secret form-encoded before they are joined
        String basic = Base64.getEncoder().encodeToString((encode(config.clientId()) + ":" + encode(secret))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint("token_endpoint"))).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build();
        JsonNode answer = call(request);
        String token = answer.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new Failed("the provider's token answer holds no access_token");
        }
        return token;
    }

    private String endpoint(String name) throws Failed {
        JsonNode known = discovery;
        if (known == null) {
            String base = config.provider().orElseThrow(() -> new Failed("flexsi.console.oidc.provider is not set"))
                    .replaceAll("/+$", "");
            known = call(HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration")).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build());
            discovery = known;
        }
        String url = known.path(name).asText("");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new Failed("the provider's discovery document names no " + name);
        }
        return url;
    }

    private JsonNode call(HttpRequest request) throws Failed {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                JsonNode error = parse(response.body());
                throw new Failed(request.uri().getPath() + " answered " + response.statusCode() + " "
                        + (error == null ? "" : error.path("error").asText("")));
            }
            JsonNode body = parse(response.body());
            if (body == null || !body.isObject()) {
                throw new Failed(request.uri().getPath() + " did not answer a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new Failed("the provider does not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted");
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
