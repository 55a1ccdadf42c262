package org.flexsi.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-in at an OpenID Connect provider (the simulators' identity provider, a real server): the code flow end to end,
 * a user without the ops role refused, and the flow's state bound to the browser that started it.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.WithProvider.class)
class OidcSignInTest {
    private static final String COOKIE = Sessions.COOKIE;
    private static final String FLOW = OidcSignIn.FLOW_COOKIE;

    public static class WithProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProviderResource.class));
        }
    }

    /** A sign-in under way: the flow cookie, and the callback URL (code and state) the provider sent the browser to. */
    record Callback(String flowCookie, String url) {
        String state() {
            return query(url).get("state");
        }
    }

    /** From the console's sign-in page to the provider and back, as {@code user} with {@code role}. */
    private static Callback atTheProvider(String user, String role) {
        given().get("/sign-in").then().statusCode(200).body(containsString("id=\"sign-in-oidc\""))
                .body(not(containsString("name=\"token\"")));
        Response started = given().redirects().follow(false).get("/sign-in/oidc");
        started.then().statusCode(303);
        String authorize = started.getHeader("Location");
        assertTrue(authorize.startsWith(ProviderResource.providerBase + "/authorize?"), authorize);
        Map<String, String> params = query(authorize);
        assertEquals("S256", params.get("code_challenge_method"));
        String setCookie = started.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith(FLOW + "="))
                .findFirst().orElseThrow();
        assertTrue(setCookie.contains("SameSite=Lax") && setCookie.contains("HttpOnly") && setCookie.contains("Path=/sign-in/oidc"),
                setCookie);
        String flowCookie = started.getCookie(FLOW);
        assertEquals(params.get("state"), flowCookie, "the flow cookie holds the state the provider will hand back");

        given().urlEncodingEnabled(false).get(authorize).then().statusCode(200).body(containsString("id=\"username\""));
        Map<String, String> form = new LinkedHashMap<>(params);
        form.put("username", user);
        form.put("role", role);
        Response signedIn = given().redirects().follow(false).formParams(form).post(ProviderResource.providerBase + "/authorize");
        signedIn.then().statusCode(302);
        String callback = signedIn.getHeader("Location");
        assertTrue(callback.contains("/sign-in/oidc/callback?code="), callback);
        return new Callback(flowCookie, callback);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] nv = pair.split("=", 2);
            values.put(nv[0], URLDecoder.decode(nv[1], StandardCharsets.UTF_8));
        }
        return values;
    }

    @Test
    void anOpsOperatorSignsInAtTheProviderAndTheConsoleForwardsHisToken() {
        Callback back = atTheProvider("ops-li", "ops");
        Response landed = given().urlEncodingEnabled(false).redirects().follow(false).cookie(FLOW, back.flowCookie()).get(back.url());
        landed.then().statusCode(200).body(containsString("<meta http-equiv=\"refresh\" content=\"0; url=/\">"));
        String session = landed.getCookie(COOKIE);
        assertNotNull(session, "signed in: a session cookie");
        assertTrue(landed.getHeaders().getValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(FLOW + "=;") && c.contains("Max-Age=0")),
                "the flow cookie is cleared");
        given().cookie(COOKIE, session).get("/").then().statusCode(200)
                .body(containsString("<strong id=\"operator\">ops-li</strong>"));

        // the same answer from the provider again (a replayed URL): the flow is over
        given().urlEncodingEnabled(false).redirects().follow(false).cookie(FLOW, back.flowCookie()).get(back.url()).then().statusCode(403)
                .body(containsString("id=\"refusal\"")).body(containsString("已使用"));
    }

    @Test
    void aUserWithoutTheOpsRoleIsRefusedAndGetsNoSession() {
        Callback back = atTheProvider("auditor-he", "auditor");
        Response refused = given().urlEncodingEnabled(false).redirects().follow(false).cookie(FLOW, back.flowCookie()).get(back.url());
        refused.then().statusCode(403).body(containsString("不属于运维角色"));
        String cookie = refused.getCookie(COOKIE);
        given().redirects().follow(false).cookie(COOKIE, cookie == null ? "none" : cookie).get("/").then().statusCode(303)
                .header("Location", endsWith("/sign-in"));
    }

    @Test
    void theProvidersAnswerCountsOnlyInTheBrowserThatStartedTheFlowAndWithItsState() {
        Callback back = atTheProvider("ops-li", "ops");
        // another browser (no flow cookie) handed the victim's or an attacker's code: refused, nothing exchanged
        given().urlEncodingEnabled(false).redirects().follow(false).get(back.url()).then().statusCode(403).body(containsString("登录请求无法核对"));
        // the right browser, but the state altered
        String altered = back.url().replace("state=" + back.state(), "state=" + back.state() + "x");
        given().urlEncodingEnabled(false).redirects().follow(false).cookie(FLOW, back.flowCookie()).get(altered).then().statusCode(403)
                .body(containsString("登录请求无法核对"));
        // the refusals consumed nothing: the genuine answer still signs in
        given().urlEncodingEnabled(false).redirects().follow(false).cookie(FLOW, back.flowCookie()).get(back.url()).then().statusCode(200);
    }

    @Test
    void aPastedTokenIsNoWayInWhereTheProviderIsConfigured() {
        SignInTest.Visit visit = SignInTest.visit();
        given().redirects().follow(false).cookie(COOKIE, visit.cookie()).formParam("csrf", visit.csrf())
                .formParam("token", Tokens.of("ops", "ops-wang")).post("/sign-in").then().statusCode(404);
    }
}
