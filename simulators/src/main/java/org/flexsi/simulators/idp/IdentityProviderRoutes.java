package org.flexsi.simulators.idp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.flexsi.simulators.http.Problem;
import org.flexsi.simulators.http.Request;
import org.flexsi.simulators.http.Response;
import org.flexsi.simulators.http.Router;

/**
 * The province's identity provider, as far as flexsi meets it: {@code /idp/.well-known/jwks.json}, the public keys its
 * bearer tokens are signed with (read from its file on every request, so a rotation is served at once); and, where a
 * signing key is configured, the OpenID Connect authorization-code flow a web application (the ops console) signs its
 * users in with: discovery, {@code /idp/authorize} (a sign-in form in which the tester names the user and the role the
 * directory would give him) and {@code /idp/token}. PKCE (S256) is required, a code is good once and for a minute,
 * and the access token is the one the services accept (issuer and audience {@code flexsi}, role in {@code groups}).
 */
public final class IdentityProviderRoutes {
    static final String ISSUER = "flexsi";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final List<String> ROLES = List.of("ops", "auditor", "contributor");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keySet;
    private final TokenIssuer issuer;
    private final Map<String, String> clients;
    private final String baseUrl;
    private final AuthorizationCodes codes;
    private final Clock clock = Clock.systemUTC();

    /**
     * {@code keySet}: the JSON Web Key Set file, null when this run publishes none (404); {@code signingKey}: the PEM
     * private key tokens are signed with, null for no sign-in (404); {@code clients}: client id to secret.
     */
    public IdentityProviderRoutes(Path keySet, Path signingKey, Map<String, String> clients, String baseUrl) {
        this.keySet = keySet;
        this.issuer = signingKey == null ? null : TokenIssuer.fromPem(signingKey);
        this.clients = Map.copyOf(clients);
        this.baseUrl = baseUrl;
        this.codes = new AuthorizationCodes(clock);
    }

    public void register(Router router) {
        router.on("GET", "/idp/.well-known/jwks.json", request -> keySet())
                .on("GET", "/idp/.well-known/openid-configuration", request -> discovery())
                .on("GET", "/idp/authorize", request -> signInForm(FormData.parse(request.rawQuery())))
                .on("POST", "/idp/authorize", request -> authorize(FormData.parse(body(request))))
                .on("POST", "/idp/token", this::token);
    }

    private Response keySet() {
        if (keySet == null || !Files.isRegularFile(keySet)) {
            throw Problem.notFound("no token key set is published (SIM_IDP_KEY_SET names its file)");
        }
        try {
            return Response.text(200, "application/json", Files.readString(keySet));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response discovery() {
        requireSignIn();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", ISSUER);
        document.put("authorization_endpoint", baseUrl + "/idp/authorize");
        document.put("token_endpoint", baseUrl + "/idp/token");
        document.put("jwks_uri", baseUrl + "/idp/.well-known/jwks.json");
        document.put("response_types_supported", List.of("code"));
        document.put("grant_types_supported", List.of("authorization_code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("code_challenge_methods_supported", List.of("S256"));
        document.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        document.put("scopes_supported", List.of("openid"));
        return Response.json(200, document);
    }

    /** The authorization request, checked before anything is shown; a bad client or redirect URI is never redirected to. */
    private record AuthorizationRequest(String clientId, String redirectUri, String state, String challenge, String nonce) {
    }

    private AuthorizationRequest authorizationRequest(Map<String, String> params) {
        requireSignIn();
        String clientId = params.get("client_id");
        if (clientId == null || !clients.containsKey(clientId)) {
            throw Problem.badRequest("unknown client_id " + clientId);
        }
        String redirectUri = params.get("redirect_uri");
        if (redirectUri == null || !(redirectUri.startsWith("http://") || redirectUri.startsWith("https://"))
                || !withoutFragment(redirectUri)) {
            throw Problem.badRequest("redirect_uri must be an absolute http(s) URI without a fragment");
        }
        if (!"code".equals(params.get("response_type"))) {
            throw Problem.badRequest("response_type must be code");
        }
        String challenge = params.get("code_challenge");
        if (challenge == null || challenge.length() < 43 || !"S256".equals(params.get("code_challenge_method"))) {
            throw Problem.badRequest("PKCE is required: code_challenge with code_challenge_method S256");
        }
        return new AuthorizationRequest(clientId, redirectUri, params.get("state"), challenge, params.get("nonce"));
    }

    /** The provider's sign-in page; the request travels on in hidden fields. */
    private Response signInForm(Map<String, String> params) {
        AuthorizationRequest request = authorizationRequest(params);
        StringBuilder hidden = new StringBuilder();
        Map<String, String> carried = new LinkedHashMap<>();
        carried.put("response_type", "code");
        carried.put("client_id", request.clientId());
        carried.put("redirect_uri", request.redirectUri());
        carried.put("state", request.state());
        carried.put("code_challenge", request.challenge());
        carried.put("code_challenge_method", "S256");
        carried.put("nonce", request.nonce());
        carried.forEach((name, value) -> {
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(html(value)).append("\">\n");
            }
        });
        StringBuilder roles = new StringBuilder();
        ROLES.forEach(role -> roles.append("<option value=\"").append(role).append("\">").append(role).append("</option>"));
        String page = """
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>统一身份认证（模拟）</title></head>
                <body><h1>统一身份认证（模拟）</h1>
                <p>%s 请求登录。</p>
                <form method="post" action="/idp/authorize">
                %s<label for="username">用户名</label> <input id="username" name="username" required>
                <label for="role">角色</label> <select id="role" name="role">%s</select>
                <button type="submit" id="idp-sign-in">登录</button>
                </form></body></html>
                """.formatted(html(request.clientId()), hidden, roles);
        return Response.text(200, "text/html; charset=utf-8", page);
    }

    /** The user signed in: a one-time code back to the client's redirect URI, with its state. */
    private Response authorize(Map<String, String> params) {
        AuthorizationRequest request = authorizationRequest(params);
        String user = params.get("username");
        String role = params.get("role");
        if (user == null || !USER.matcher(user).matches()) {
            throw Problem.badRequest("username must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        if (!ROLES.contains(role)) {
            throw Problem.badRequest("role must be one of " + ROLES);
        }
        String code = random();
        codes.put(code, new AuthorizationCodes.Grant(request.clientId(), request.redirectUri(), request.challenge(),
                user, role, request.nonce(), clock.instant().plus(CODE_LIFETIME)));
        String back = request.redirectUri() + (request.redirectUri().contains("?") ? "&" : "?") + "code=" + encode(code)
                + (request.state() == null ? "" : "&state=" + encode(request.state()));
        return Response.redirect(back);
    }

    /** RFC 6749 4.1.3 with PKCE (RFC 7636): the code for tokens, once. Errors are OAuth's JSON, not problems. */
    private Response token(Request request) {
        requireSignIn();
        Map<String, String> form = FormData.parse(body(request));
        String clientId = authenticatedClient(request.header("Authorization"), form);
        if (clientId == null) {
            return oauthError(401, "invalid_client", "unknown client or wrong secret");
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "only authorization_code");
        }
        // taken, whatever follows: a code that failed once cannot be tried again
        AuthorizationCodes.Grant grant = codes.take(form.get("code"));
        if (grant == null) {
            return oauthError(400, "invalid_grant", "unknown, used or expired code");
        }
        if (!grant.clientId().equals(clientId) || !grant.redirectUri().equals(form.get("redirect_uri"))) {
            return oauthError(400, "invalid_grant", "the code was issued to another client or redirect_uri");
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                grant.challenge().getBytes(StandardCharsets.US_ASCII))) {
            return oauthError(400, "invalid_grant", "code_verifier does not match the code_challenge");
        }
        Instant now = clock.instant();
        Map<String, Object> access = claims(now, "flexsi", grant.user());
        access.put("upn", grant.user());
        access.put("groups", List.of(grant.role()));
        Map<String, Object> id = claims(now, clientId, grant.user());
        if (grant.nonce() != null) {
            id.put("nonce", grant.nonce());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", issuer.sign(access));
        answer.put("token_type", "Bearer");
        answer.put("expires_in", TOKEN_LIFETIME.toSeconds());
        answer.put("id_token", issuer.sign(id));
        answer.put("scope", "openid");
        Response json = Response.json(200, answer);
        return new Response(200, json.contentType(), json.body(), Map.of("Cache-Control", "no-store"));
    }

    private Map<String, Object> claims(Instant now, String audience, String subject) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", audience);
        claims.put("sub", subject);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(TOKEN_LIFETIME).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** client_secret_basic or client_secret_post; the client id when the secret is right, else null. */
    private String authenticatedClient(String authorization, Map<String, String> form) {
        String id = form.get("client_id");
        String secret = form.get("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
        }
        String expected = id == null ? null : clients.get(id);
        return expected != null && secret != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8)) ? id : null;
    }

    private static boolean withoutFragment(String uri) {
        try {
            return URI.create(uri).getRawFragment() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void requireSignIn() {
        if (issuer == null) {
            throw Problem.notFound("no sign-in here: no signing key is configured (SIM_IDP_SIGNING_KEY names its PEM file)");
        }
    }

    private static Response oauthError(int status, String error, String description) {
        return Response.json(status, Map.of("error", error, "error_description", description));
    }

    private static String body(Request request) {
        return new String(request.body(), StandardCharsets.UTF_8);
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String html(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
