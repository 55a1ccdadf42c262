package org.flexsi.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityProviderTest {
    private static final String REDIRECT = "http://127.0.0.1:8086/sign-in/oidc/callback";
    private static final String VERIFIER = "a-verifier-of-at-least-43-characters-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private KeyPair keys;
    private Path signingKey;

    @BeforeEach
    void signingKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        signingKey = dir.resolve("privateKey.pem");
        Files.writeString(signingKey, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
    }

    private Simulators withSignIn() {
        return Simulators.start(SimulatorsMain.configFromEnv(Map.of("SIMULATORS_PORT", "0",
                "SIM_IDP_SIGNING_KEY", signingKey.toString(), "SIM_IDP_CLIENT_SECRET", "console-secret")));
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static HttpResponse<String> post(String url, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Signs in at the provider's form as {@code user} in {@code role}; returns the redirect's query parameters. */
    private static Map<String, String> signIn(Simulators sims, String user, String role) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", "ops-console");
        params.put("redirect_uri", REDIRECT);
        params.put("state", "st-1");
        params.put("code_challenge", challenge(VERIFIER));
        params.put("code_challenge_method", "S256");
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(sims.baseUrl() + "/idp/authorize?" + form(params)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<label for=\"username\">"), page.body());
        params.put("username", user);
        params.put("role", role);
        HttpResponse<String> redirected = post(sims.baseUrl() + "/idp/authorize", form(params), null);
        assertEquals(302, redirected.statusCode(), redirected.body());
        String location = redirected.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] nv = pair.split("=", 2);
            query.put(nv[0], URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String tokenRequest(String code, String verifier) {
        return form(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier));
    }

    private JsonNode verifiedClaims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(keys.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rsa.verify(Base64.getUrlDecoder().decode(parts[2])), "signed with the key set's key");
        assertTrue(JSON.readTree(Base64.getUrlDecoder().decode(parts[0])).path("kid").isTextual(), "names its key");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    @Test
    void anOperatorSignsInWithTheCodeFlowAndGetsATokenTheServicesAccept() throws Exception {
        try (Simulators sims = withSignIn()) {
            JsonNode discovery = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(sims.baseUrl()
                    + "/idp/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(sims.baseUrl() + "/idp/token", discovery.path("token_endpoint").asText());
            assertEquals("S256", discovery.path("code_challenge_methods_supported").path(0).asText());

            Map<String, String> back = signIn(sims, "ops-li", "ops");
            assertEquals("st-1", back.get("state"), "the client's state comes back unchanged");
            HttpResponse<String> tokens = post(discovery.path("token_endpoint").asText(), tokenRequest(back.get("code"), VERIFIER),
                    basic("ops-console", "console-secret"));
            assertEquals(200, tokens.statusCode(), tokens.body());
            assertEquals("no-store", tokens.headers().firstValue("Cache-Control").orElse(""));
            JsonNode access = verifiedClaims(JSON.readTree(tokens.body()).path("access_token").asText());
            assertEquals("flexsi", access.path("iss").asText());
            assertEquals("flexsi", access.path("aud").asText());
            assertEquals("ops-li", access.path("sub").asText());
            assertEquals("ops", access.path("groups").path(0).asText());
            assertEquals("ops-console", verifiedClaims(JSON.readTree(tokens.body()).path("id_token").asText()).path("aud").asText());

            HttpResponse<String> again = post(sims.baseUrl() + "/idp/token", tokenRequest(back.get("code"), VERIFIER),
                    basic("ops-console", "console-secret"));
            assertEquals(400, again.statusCode());
            assertEquals("invalid_grant", JSON.readTree(again.body()).path("error").asText(), "a code is good once");
        }
    }

    @Test
    void aCodeIsRefusedToTheWrongVerifierAndToAWrongSecretAndAuthorizeRequiresPkce() throws Exception {
        try (Simulators sims = withSignIn()) {
            String code = signIn(sims, "ops-li", "ops").get("code");
            HttpResponse<String> wrongSecret = post(sims.baseUrl() + "/idp/token", tokenRequest(code, VERIFIER),
                    basic("ops-console", "guessed"));
            assertEquals(401, wrongSecret.statusCode());
            assertEquals("invalid_client", JSON.readTree(wrongSecret.body()).path("error").asText());
            HttpResponse<String> wrongVerifier = post(sims.baseUrl() + "/idp/token",
                    tokenRequest(code, VERIFIER.replace('a', 'b')), basic("ops-console", "console-secret"));
            assertEquals(400, wrongVerifier.statusCode());
            assertEquals("invalid_grant", JSON.readTree(wrongVerifier.body()).path("error").asText());

            HttpResponse<String> noPkce = HTTP.send(HttpRequest.newBuilder(URI.create(sims.baseUrl() + "/idp/authorize?"
                    + form(Map.of("response_type", "code", "client_id", "ops-console", "redirect_uri", REDIRECT, "state", "s"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, noPkce.statusCode());
            HttpResponse<String> unknownClient = HTTP.send(HttpRequest.newBuilder(URI.create(sims.baseUrl() + "/idp/authorize?"
                    + form(Map.of("response_type", "code", "client_id", "someone", "redirect_uri", REDIRECT,
                            "code_challenge", challenge(VERIFIER), "code_challenge_method", "S256"))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, unknownClient.statusCode(), "never redirected to an unknown client");
        }
    }

    @Test
    void withoutASigningKeyThereIsNoSignIn() {
        try (Simulators sims = Simulators.start(TestConfig.fast())) {
            assertEquals(404, new SimClient(sims.baseUrl()).unsigned("GET", "/idp/.well-known/openid-configuration", null).status());
        }
    }

    @Test
    void theKeySetIsServedFromItsFileAsTheFileIsNow() throws IOException {
        Path keySet = dir.resolve("jwks.json");
        Files.writeString(keySet, "{\"keys\":[{\"kid\":\"first\"}]}");
        SimulatorsConfig config = SimulatorsMain.configFromEnv(Map.of("SIMULATORS_PORT", "0", "SIM_IDP_KEY_SET", keySet.toString()));
        try (Simulators sims = Simulators.start(config)) {
            SimClient client = new SimClient(sims.baseUrl());
            assertEquals("first", client.unsigned("GET", "/idp/.well-known/jwks.json", null).json().at("/keys/0/kid").asText());

            Files.writeString(keySet, "{\"keys\":[{\"kid\":\"second\"},{\"kid\":\"first\"}]}");
            SimClient.Reply rotated = client.unsigned("GET", "/idp/.well-known/jwks.json", null);
            assertEquals(200, rotated.status());
            assertEquals("second", rotated.json().at("/keys/0/kid").asText());
        }
    }

    @Test
    void withoutAKeySetThereIsNothingToServe() {
        try (Simulators sims = Simulators.start(TestConfig.fast())) {
            assertEquals(404, new SimClient(sims.baseUrl()).unsigned("GET", "/idp/.well-known/jwks.json", null).status());
        }
    }
}
