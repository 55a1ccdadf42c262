package org.flexsi.rightssync.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.flexsi.contracts.Topics;
import org.flexsi.contracts.events.CalendarYearPublished;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CalendarApiTest {
    private static final String OTHER_OPS = TestTokens.bearer("ops", "ops-2");
    private static final String YEAR_2031 = "{\"source\":\"test notice 2031\",\"offDays\":[\"2031-01-01\",\"2031-01-02\",\"2031-01-03\"],"
            + "\"workDays\":[\"2031-01-04\"]}";

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({"2024-09-27, 3, 2024-10-08", "2024-09-27, 1, 2024-09-29", "2024-02-08, 3, 2024-02-19",
            "2025-01-24, 3, 2025-02-05", "2024-10-01, 0, 2024-10-01"})
    void addsWorkingDaysWithoutAToken(String date, int days, String expected) {
        given().queryParam("date", date).queryParam("days", days).get("/api/v1/calendar/add-working-days")
                .then().statusCode(200).body("date", equalTo(expected));
    }

    @Test
    void answersWorkingDayQuestions() {
        given().queryParam("date", "2024-09-29").get("/api/v1/calendar/is-working-day")
                .then().statusCode(200).body("workingDay", equalTo(true));
        given().queryParam("date", "2024-10-01").get("/api/v1/calendar/is-working-day")
                .then().statusCode(200).body("workingDay", equalTo(false));
        given().queryParam("from", "2024-09-27").queryParam("to", "2024-10-08").get("/api/v1/calendar/working-days-between")
                .then().statusCode(200).body("workingDays", equalTo(3));
        given().get("/api/v1/calendar/2026").then().statusCode(200).body("offDays", hasItem("2026-10-01"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"date=2024-13-01&days=1", "date=2024-09-27&days=-1", "date=2024-09-27&days=abc",
            "days=3", "date=2024-09-27", "date=27.09.2024&days=3", "date=2024-09-27&days=99999999999"})
    void badQuestionsAreProblems(String query) {
        given().get("/api/v1/calendar/add-working-days?" + query)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aYearNotLoadedIsNamed() {
        given().queryParam("date", "2032-03-01").queryParam("days", 3).get("/api/v1/calendar/add-working-days")
                .then().statusCode(422).contentType("application/problem+json").body("year", equalTo(2032));
        given().get("/api/v1/calendar/2032").then().statusCode(422).body("year", equalTo(2032));
        given().get("/api/v1/calendar/3f1c9a2e-7f7e-3c7a-9d55-0c1e8b3f2a10").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("from", "2024-10-08").queryParam("to", "2024-09-27").get("/api/v1/calendar/working-days-between")
                .then().statusCode(400);
    }

    @Test
    void oneOperatorUploadsAYearAnotherPublishesItAndEveryServiceThenUsesIt() {
        given().contentType("application/json").body(YEAR_2031).put("/api/v1/calendar/2031")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("contributor", "p-1")).contentType("application/json")
                .body(YEAR_2031).put("/api/v1/calendar/2031").then().statusCode(403);
        // a Monday is no make-up working day: refused, nothing loaded
        given().header("Authorization", Fixtures.OPS).contentType("application/json")
                .body(YEAR_2031.replace("2031-01-04", "2031-01-06")).put("/api/v1/calendar/2031")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Fixtures.OPS).contentType("application/json")
                .body(YEAR_2031.replace("2031-01-03", "2030-12-31")).put("/api/v1/calendar/2031")
                .then().statusCode(400);
        given().get("/api/v1/calendar/2031").then().statusCode(422);

        String first = given().header("Authorization", Fixtures.OPS).contentType("application/json").body(YEAR_2031)
                .put("/api/v1/calendar/2031").then().statusCode(202).body("year", equalTo(2031))
                .body("uploadedBy", equalTo("ops-1")).extract().path("draftId");
        // a draft changes nothing yet
        given().get("/api/v1/calendar/2031").then().statusCode(422);
        given().header("Authorization", OTHER_OPS).get("/api/v1/calendar/2031/draft").then().statusCode(200)
                .body("draftId", equalTo(first)).body("offDays", hasItem("2031-01-03"));
        given().header("Authorization", TestTokens.bearer("contributor", "p-1")).get("/api/v1/calendar/2031/draft")
                .then().statusCode(403);

        // four eyes: the uploader may not publish his own draft
        given().header("Authorization", Fixtures.OPS).contentType("application/json").body(publish(first))
                .post("/api/v1/calendar/2031/publish").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("four eyes"));
        // uploaded again meanwhile: the reviewed draft is no longer the one that would be published
        String second = given().header("Authorization", Fixtures.OPS).contentType("application/json").body(YEAR_2031)
                .put("/api/v1/calendar/2031").then().statusCode(202).extract().path("draftId");
        given().header("Authorization", OTHER_OPS).contentType("application/json").body(publish(first))
                .post("/api/v1/calendar/2031/publish").then().statusCode(409)
                .body("type", equalTo("https://flexsi.org/problems/calendar-draft-replaced"));
        given().header("Authorization", TestTokens.bearer("agency", "weifang-pension")).contentType("application/json")
                .body(publish(second)).post("/api/v1/calendar/2031/publish").then().statusCode(403);
        given().get("/api/v1/calendar/2031").then().statusCode(422);

        Instant before = Instant.now().minusSeconds(5);
        given().header("Authorization", OTHER_OPS).contentType("application/json").body(publish(second))
                .post("/api/v1/calendar/2031/publish").then().statusCode(200).body("year", equalTo(2031));
        given().header("Authorization", OTHER_OPS).contentType("application/json").body(publish(second))
                .post("/api/v1/calendar/2031/publish").then().statusCode(404);
        given().header("Authorization", OTHER_OPS).get("/api/v1/calendar/2031/draft").then().statusCode(404);
        TestKafka.read(Topics.CALENDAR, Duration.ofSeconds(20), seen -> seen.stream().anyMatch(r -> "2031".equals(r.key())
                && CalendarYearPublished.TYPE.equals(TestKafka.header(r, CloudEventHeaders.TYPE))));
        await("the calendar topic reached this service's calendar").until(() -> given()
                .queryParam("date", "2031-01-01").queryParam("days", 1).get("/api/v1/calendar/add-working-days")
                .then().extract().statusCode() == 200);
        given().queryParam("date", "2031-01-01").queryParam("days", 1).get("/api/v1/calendar/add-working-days")
                .then().body("date", equalTo("2031-01-04"));

        List<Map<String, Object>> audited = given().header("Authorization", TestTokens.bearer("auditor", "auditor-1"))
                .queryParam("from", before.toString()).queryParam("to", Instant.now().plusSeconds(60).toString())
                .get("/api/v1/access-audit").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(audited.stream().anyMatch(e -> "calendar-publish".equals(e.get("action")) && "ops-2".equals(e.get("actor"))
                && "calendar-year".equals(e.get("recordType")) && "2031".equals(e.get("recordId"))), audited.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "{\"draftId\":\"\"}", "{\"draftId\":\"x\",\"year\":2031}"})
    void aBadPublishBodyIsAProblem(String body) {
        given().header("Authorization", OTHER_OPS).contentType("application/json").body(body)
                .post("/api/v1/calendar/2034/publish").then().statusCode(400).contentType("application/problem+json");
    }

    private static String publish(String draftId) {
        return "{\"draftId\":\"" + draftId + "\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}",
            "{\"source\":\"x\",\"offDays\":[\"not-a-date\"],\"workDays\":[]}", "{\"source\":\"two\\nlines\",\"offDays\":[\"2033-01-01\"],\"workDays\":[]}"})
    void badBodiesAreProblems(String body) {
        given().header("Authorization", Fixtures.OPS).contentType("application/json").body(body)
                .put("/api/v1/calendar/2033").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/calendar/2033").then().statusCode(422);
    }

    @Test
    void aHugeStringBodyIsAProblem() {
        given().header("Authorization", Fixtures.OPS).contentType("application/json").body("\"" + "x".repeat(70_000) + "\"")
                .put("/api/v1/calendar/2033").then().statusCode(400).contentType("application/problem+json");
    }
}
