package org.flexsi.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's own security, without any service running (their URLs point nowhere in tests): sign-in with an
 * ops token, refusal of other tokens, the session cookie's attributes, CSRF on every form, sign-out.
 */
@QuarkusTest
class SignInTest {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final String COOKIE = Sessions.COOKIE;

    /** A browser's first visit: a session cookie and the CSRF token of its sign-in form. */
    record Visit(String cookie, String csrf) {
    }

    static Visit visit() {
        Response page = given().redirects().follow(false).get("/sign-in");
        page.then().statusCode(200);
        return new Visit(page.getCookie(COOKIE), csrfOf(page.asString()));
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        assertTrue(m.find(), "no CSRF field in " + html);
        return m.group(1);
    }

    /** Signs in as an ops operator; returns the new session's cookie and CSRF token. */
    static Visit signIn(String subject) {
        Visit visit = visit();
        Response signedIn = given().redirects().follow(false).cookie(COOKIE, visit.cookie())
                .formParam("csrf", visit.csrf()).formParam("token", Tokens.of("ops", subject)).post("/sign-in");
        signedIn.then().statusCode(303).header("Location", endsWith("/"));
        String cookie = signedIn.getCookie(COOKIE);
        assertNotNull(cookie, "signing in sets a new session cookie");
        assertNotEquals(visit.cookie(), cookie, "the session id changes at sign-in");
        String page = given().cookie(COOKIE, cookie).get("/catalogue").then().statusCode(200).extract().asString();
        return new Visit(cookie, csrfOf(page));
    }

    @Test
    void withoutASessionEveryPageLeadsToSignIn() {
        for (String path : new String[] {"/", "/payments", "/reconciliation", "/rights", "/refunds", "/debit", "/catalogue"}) {
            given().redirects().follow(false).get(path).then().statusCode(303).header("Location", endsWith("/sign-in"));
        }
    }

    @Test
    void theSignInPageIsChineseAndItsCookieHttpOnlyAndStrict() {
        Response page = given().redirects().follow(false).get("/sign-in");
        page.then().statusCode(200).body(containsString("<html lang=\"zh-CN\">")).body(containsString("登录"))
                .body(containsString("<label for=\"token\">")).header("Cache-Control", "no-store");
        String setCookie = page.getHeader("Set-Cookie");
        assertTrue(setCookie.startsWith(COOKIE + "="), setCookie);
        assertTrue(setCookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
    }

    @Test
    void anOpsOperatorSignsInAndSeesTheOverviewUnderHisName() {
        Visit session = signIn("ops-wang");
        given().cookie(COOKIE, session.cookie()).get("/").then().statusCode(200)
                .body(containsString("<strong id=\"operator\">ops-wang</strong>"))
                .body(containsString("运维总览"))
                // no service answers in this test: the overview says so instead of failing
                .body(containsString("无法连接"));
    }

    @Test
    void aContributorTokenIsRefusedWithAClearPageAndNoSession() {
        Visit visit = visit();
        Response refused = given().redirects().follow(false).cookie(COOKIE, visit.cookie()).formParam("csrf", visit.csrf())
                .formParam("token", Tokens.of("contributor", "P-420106-0001")).post("/sign-in");
        refused.then().statusCode(403).body(containsString("id=\"refusal\"")).body(containsString("运维角色"));
        given().redirects().follow(false).cookie(COOKIE, visit.cookie()).get("/").then().statusCode(303)
                .header("Location", endsWith("/sign-in"));
    }

    @Test
    void aTokenForAnotherAudienceOrExpiredOrGarbledIsNotAccepted() {
        for (String token : new String[] {Tokens.build("ops", "ops-x", "some-other-app", 3600),
                Tokens.build("ops", "ops-x", "flexsi", -120), "not-a-token", ""}) {
            Visit visit = visit();
            given().redirects().follow(false).cookie(COOKIE, visit.cookie()).formParam("csrf", visit.csrf())
                    .formParam("token", token).post("/sign-in")
                    .then().statusCode(401).body(containsString("id=\"sign-in-error\""));
            given().redirects().follow(false).cookie(COOKIE, visit.cookie()).get("/").then().statusCode(303);
        }
    }

    @Test
    void signingInWithoutTheFormsCsrfTokenIsRefused() {
        Visit visit = visit();
        given().redirects().follow(false).cookie(COOKIE, visit.cookie()).formParam("token", Tokens.of("ops", "ops-li"))
                .post("/sign-in").then().statusCode(403).body(containsString("CSRF"));
        given().redirects().follow(false).cookie(COOKIE, visit.cookie()).get("/").then().statusCode(303);
    }

    @Test
    void aFormPostedWithoutOrWithAnotherSessionsCsrfTokenIsRefusedBeforeAnyServiceIsCalled() {
        Visit session = signIn("ops-li");
        Visit other = signIn("ops-zhao");
        for (String path : new String[] {"/catalogue/370100-2026-v1/publish", "/payments/0b6f3c1e-8a57-4c1b-9a63-1d2f5e7a9b10/status-check",
                "/reconciliation/run", "/rights/replay", "/debit/0b6f3c1e-8a57-4c1b-9a63-1d2f5e7a9b10/resend", "/sign-out"}) {
            given().redirects().follow(false).cookie(COOKIE, session.cookie()).formParam("note", "x").post(path)
                    .then().statusCode(403).body(containsString("id=\"refusal\""));
            given().redirects().follow(false).cookie(COOKIE, session.cookie()).formParam("csrf", other.csrf()).post(path)
                    .then().statusCode(403).body(containsString("id=\"refusal\""));
        }
        // still signed in: the refused sign-out did nothing
        given().redirects().follow(false).cookie(COOKIE, session.cookie()).get("/").then().statusCode(200);
    }

    @Test
    void signingOutEndsTheSessionAndClearsTheCookie() {
        Visit session = signIn("ops-sun");
        Response out = given().redirects().follow(false).cookie(COOKIE, session.cookie()).formParam("csrf", session.csrf())
                .post("/sign-out");
        out.then().statusCode(303).header("Location", endsWith("/sign-in"));
        String cleared = out.getHeader("Set-Cookie");
        assertTrue(cleared.startsWith(COOKIE + "=;") && cleared.contains("Max-Age=0"), cleared);
        given().redirects().follow(false).cookie(COOKIE, session.cookie()).get("/").then().statusCode(303)
                .header("Location", endsWith("/sign-in"));
    }

    @Test
    void englishIsOneFormAway() {
        Visit session = signIn("ops-zhou");
        given().redirects().follow(false).cookie(COOKIE, session.cookie()).formParam("csrf", session.csrf())
                .formParam("to", "en").formParam("back", "/catalogue").post("/lang")
                .then().statusCode(303).header("Location", endsWith("/catalogue"));
        given().cookie(COOKIE, session.cookie()).get("/catalogue").then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("Contribution catalogues"))
                .body(not(containsString("缴费标准</h1>")));
        // a redirect target elsewhere is not followed
        given().redirects().follow(false).cookie(COOKIE, session.cookie()).formParam("csrf", session.csrf())
                .formParam("to", "zh-CN").formParam("back", "//evil.example/").post("/lang")
                .then().statusCode(303).header("Location", not(containsString("evil")));
    }

    @Test
    void assetsComeFromTheConsoleItself() {
        String css = given().get("/static/console.css").then().statusCode(200).extract().asString();
        assertTrue(css.contains(".tile"));
        String page = given().get("/sign-in").asString();
        assertEquals(-1, page.indexOf("http://"), "no asset from elsewhere");
        assertEquals(-1, page.indexOf("https://"), "no asset from elsewhere");
    }
}
