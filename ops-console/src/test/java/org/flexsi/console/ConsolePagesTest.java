package org.flexsi.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pages over stand-in services ({@link FakeServices}, served by this same test instance): the operator's own
 * token reaches the service, the service's refusal is shown with its words, actions are forms with CSRF tokens.
 */
@QuarkusTest
@TestProfile(ConsolePagesTest.OwnFakes.class)
class ConsolePagesTest {
    private static final String COOKIE = Sessions.COOKIE;

    public static class OwnFakes implements QuarkusTestProfile {
        /** A port free now, so that the stand-ins' address is known before the app listens on it. */
        private static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            String self = "http://127.0.0.1:" + PORT + "/fake";
            return Map.of("quarkus.http.test-port", String.valueOf(PORT),
                    "flexsi.console.services.registration", self, "flexsi.console.services.assessment", self,
                    "flexsi.console.services.payment", self, "flexsi.console.services.certificate", self,
                    "flexsi.console.services.rights-sync", self);
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theOverviewCountsStuckPaymentsAndOverdueRightsInRedWithAmountsToTheFen() {
        SignInTest.Visit session = SignInTest.signIn("ops-wang");
        given().cookie(COOKIE, session.cookie()).get("/").then().statusCode(200)
                .body(containsString("class=\"tile red\" id=\"tile-stuck\""))
                .body(containsString("¥796.50"))
                .body(containsString("class=\"tile red\" id=\"tile-overdue\""))
                .body(containsString("class=\"tile amber\" id=\"tile-drafts\""))
                .body(containsString("2026-03-02 16:00:00"));
    }

    @Test
    void aStatusCheckIsSentWithTheOperatorsOwnTokenAndTheResultShown() {
        SignInTest.Visit session = SignInTest.signIn("ops-li");
        String id = FakeServices.PAYING_ID;
        String page = given().cookie(COOKIE, session.cookie()).get("/payments/" + id).then().statusCode(200)
                .body(containsString("id=\"status-check\"")).extract().asString();
        given().redirects().follow(false).cookie(COOKIE, session.cookie()).formParam("csrf", SignInTest.csrfOf(page))
                .post("/payments/" + id + "/status-check").then().statusCode(303).header("Location", endsWith("/payments/" + id));
        assertEquals("ops-li", FakeServices.STATUS_CHECKS.get(id), "the service saw the operator, not the console");
        given().cookie(COOKIE, session.cookie()).get("/payments/" + id).then().statusCode(200)
                .body(containsString("id=\"payment-status\">PAID")).body(containsString("role=\"status\""));
    }

    @Test
    void theAuthorOfADraftIsRefusedInTheServicesWordsAndASecondOperatorPublishes() {
        SignInTest.Visit author = SignInTest.signIn("ops-author");
        given().redirects().follow(false).cookie(COOKIE, author.cookie()).formParam("csrf", author.csrf())
                .post("/catalogue/370100-2031-v1/publish").then().statusCode(403)
                .body(containsString("four eyes: a different ops user than the author (ops-author)"));
        assertFalse(FakeServices.PUBLISHED.containsKey("370100-2031-v1"));

        SignInTest.Visit second = SignInTest.signIn("ops-second");
        given().redirects().follow(false).cookie(COOKIE, second.cookie()).formParam("csrf", second.csrf())
                .post("/catalogue/370100-2031-v1/publish").then().statusCode(303).header("Location", endsWith("/catalogue"));
        assertEquals("ops-second", FakeServices.PUBLISHED.get("370100-2031-v1"));
        given().cookie(COOKIE, second.cookie()).get("/catalogue").then().statusCode(200)
                .body(containsString("已发布。 370100-2031-v1"));
    }

    @Test
    void aReplayIsADryRunFirstAndTheConfirmationSendsOnceHoweverOftenItIsPosted() {
        SignInTest.Visit session = SignInTest.signIn("ops-zhou");
        int dryRunsBefore = FakeServices.DRY_RUNS.get();
        String dryRun = given().cookie(COOKIE, session.cookie()).formParam("csrf", session.csrf()).formParam("region", "370100")
                .post("/rights/replay").then().statusCode(200).body(containsString("id=\"replay-count\">1"))
                .body(containsString("id=\"confirm-replay\"")).extract().asString();
        assertEquals(dryRunsBefore + 1, FakeServices.DRY_RUNS.get());
        assertTrue(FakeServices.REAL_REPLAYS.isEmpty(), "a dry run sends nothing");

        java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(dryRun);
        assertTrue(key.find());
        for (int i = 0; i < 2; i++) { // a double-submitted confirmation
            given().cookie(COOKIE, session.cookie()).formParam("csrf", session.csrf()).formParam("region", "370100")
                    .formParam("confirm", "true").formParam("key", key.group(1)).post("/rights/replay")
                    .then().statusCode(200).body(containsString("id=\"replay-count\">1"));
        }
        assertEquals(Map.of(key.group(1), 2), FakeServices.REAL_REPLAYS,
                "both posts carried the dry run's one key, so rights-sync replays once");
    }

    @Test
    void aDeadLetterIsListedWithItsReasonAndReplayedThroughItsServiceWithTheOperatorsToken() {
        FakeServices.DEAD_LETTER_ACTIONS.clear();
        SignInTest.Visit session = SignInTest.signIn("ops-he");
        given().cookie(COOKIE, session.cookie()).get("/").then().statusCode(200)
                .body(containsString("id=\"dead-letters-payment\">1</a>"));
        given().cookie(COOKIE, session.cookie()).get("/dead-letters?service=payment").then().statusCode(200)
                .body(containsString("refund R-1 of unknown payment"))
                .body(containsString("action=\"/dead-letters/payment/flexsi.payment.dlq/2/7/replay\""));
        // without the CSRF token nothing reaches the service
        given().redirects().follow(false).cookie(COOKIE, session.cookie())
                .post("/dead-letters/payment/flexsi.payment.dlq/2/7/replay").then().statusCode(403);
        assertTrue(FakeServices.DEAD_LETTER_ACTIONS.isEmpty());

        given().redirects().follow(false).cookie(COOKIE, session.cookie()).formParam("csrf", session.csrf())
                .post("/dead-letters/payment/flexsi.payment.dlq/2/7/replay").then().statusCode(303)
                .header("Location", endsWith("/dead-letters?service=payment"));
        assertEquals("REPLAYED ops-he", FakeServices.DEAD_LETTER_ACTIONS.get("flexsi.payment.dlq/2/7"));
        given().cookie(COOKIE, session.cookie()).get("/dead-letters?service=payment").then().statusCode(200)
                .body(containsString("已重放，事件已发回原主题。")).body(containsString("id=\"dead-letters\""))
                .body(org.hamcrest.Matchers.not(containsString("refund R-1 of unknown payment")));
        // an unknown service is no page
        given().redirects().follow(false).cookie(COOKIE, session.cookie()).formParam("csrf", session.csrf())
                .post("/dead-letters/nowhere/flexsi.payment.dlq/2/7/replay").then().statusCode(404);
    }

    @Test
    void aCatalogueDraftIsShownAsItsDifferenceFromThePublishedVersion() {
        SignInTest.Visit session = SignInTest.signIn("ops-lin");
        given().cookie(COOKIE, session.cookie()).get("/catalogue").then().statusCode(200)
                .body(containsString("370100-2031-v1 ↔ 370100-2031-v0"))
                .body(containsString("<code>insurances[0].base.floor</code></td><td class=\"was\">4500.00</td><td class=\"is\">4800.00</td>"));
    }

    @Test
    void aCalendarYearIsShownWithWorkingDaysMarkedUploadedAndPublishedByASecondOperator() {
        int year = java.time.LocalDate.now(Fmt.CHINA).getYear();
        SignInTest.Visit uploader = SignInTest.signIn("ops-ma");
        given().cookie(COOKIE, uploader.cookie()).get("/calendar").then().statusCode(200)
                .body(containsString("id=\"year-" + year + "\" class=\"green\""))
                .body(containsString("id=\"year-" + (year + 1) + "\" class=\"red\""))
                .body(containsString("class=\"day off\" id=\"d-" + year + "-10-01\""))
                .body(containsString("class=\"day makeup\" id=\"d-" + year + "-09-28\""));
        int next = year + 1;
        given().redirects().follow(false).cookie(COOKIE, uploader.cookie()).formParam("csrf", uploader.csrf())
                .formParam("source", "notice").formParam("offDays", next + "-01-01\n" + next + "-10-01, " + next + "-10-02")
                .formParam("workDays", "").post("/calendar/" + next).then().statusCode(303);
        assertEquals(List.of(next + "-01-01", next + "-10-01", next + "-10-02"), FakeServices.CALENDAR_DRAFTS.get(next).get("offDays"));
        // the uploader is refused in the service's words, a second operator publishes
        given().cookie(COOKIE, uploader.cookie()).formParam("csrf", uploader.csrf()).formParam("draftId", "d-" + next)
                .post("/calendar/" + next + "/publish").then().statusCode(403).body(containsString("four eyes"));
        SignInTest.Visit second = SignInTest.signIn("ops-niu");
        given().cookie(COOKIE, second.cookie()).get("/calendar").then().statusCode(200)
                .body(containsString("id=\"publish-calendar-" + next + "\""));
        given().redirects().follow(false).cookie(COOKIE, second.cookie()).formParam("csrf", second.csrf())
                .formParam("draftId", "d-" + next).post("/calendar/" + next + "/publish").then().statusCode(303);
        assertEquals("ops-niu", FakeServices.CALENDAR_PUBLISHED.get(next));
    }
}
