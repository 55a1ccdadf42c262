package org.flexsi.rightssync.it;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may call what: no token is 401, the wrong role 403, and bad bodies are 4xx problems. */
@QuarkusTest
class ApiGuardsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/v1/rights/records?paymentId=x",
            "GET, /api/v1/rights/me?month=2026-03",
            "GET, /api/v1/rights/at-risk",
            "GET, /api/v1/rights/rejected",
            "GET, /api/v1/rights/audit?agency=PENSION&date=2026-03-02",
            "GET, /api/v1/agencies/pension/records",
            "POST, /api/v1/agencies/pension/confirmations",
            "POST, /api/v1/rights/replays",
            "PUT, /api/v1/calendar/2031",
            "GET, /api/v1/calendar/2031/draft",
            "POST, /api/v1/calendar/2031/publish"})
    void withoutATokenIs401(String method, String path) {
        given().contentType("application/json").body("{}").request(method, path)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{1} as {0}/{2}")
    @CsvSource({
            "contributor, /api/v1/rights/records?paymentId=x, p-1",
            "contributor, /api/v1/rights/at-risk, p-1",
            "agency, /api/v1/rights/rejected, weifang-pension",
            "contributor, /api/v1/rights/audit?agency=PENSION&date=2026-03-02, p-1",
            "agency, /api/v1/rights/audit?agency=PENSION&date=2026-03-02, weifang-medical",
            "agency, /api/v1/rights/audit?agency=PENSION&date=2026-03-02, weifang-tax",
            "ops, /api/v1/rights/me?month=2026-03, ops-1",
            "proxy, /api/v1/rights/me?month=2026-03, p-2",
            "agency, /api/v1/agencies/pension/records, weifang-medical",
            "agency, /api/v1/agencies/medical/records, wuhan-tax",
            "contributor, /api/v1/agencies/pension/records, p-1",
            "agency, /api/v1/rights/records?paymentId=x, nobody",
            // agency tokens no longer name the agency in their subject: pension and medical are no configured agencies
            "agency, /api/v1/rights/records?paymentId=x, pension",
            "agency, /api/v1/agencies/medical/records, medical",
            "agency, /api/v1/rights/records?paymentId=x, jinan-tax"})
    void theWrongCallerIs403(String role, String path, String subject) {
        given().header("Authorization", TestTokens.bearer(role, subject)).get(path)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}",
            "{\"decisions\":[]}", "{\"decisions\":[{\"recordId\":\"\",\"status\":\"CONFIRMED\"}]}",
            "{\"decisions\":[{\"recordId\":\"RS-1\",\"status\":\"MAYBE\"}]}", "{\"decisions\":[null]}"})
    void badConfirmationsAreProblems(String body) {
        given().header("Authorization", TestTokens.bearer("agency", "weifang-pension")).contentType("application/json").body(body)
                .post("/api/v1/agencies/pension/confirmations").then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}",
            "{\"from\":\"yesterday\",\"dryRun\":true}"})
    void badReplaysAreProblems(String body) {
        given().header("Authorization", Fixtures.OPS).header("Idempotency-Key", "replay-bad-body-1").contentType("application/json")
                .body(body).post("/api/v1/rights/replays").then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/agencies/pension/confirmations", "/api/v1/rights/replays"})
    void aHugeStringBodyIsAProblem(String path) {
        given().header("Authorization", (path.contains("agencies") ? TestTokens.bearer("agency", "weifang-pension") : Fixtures.OPS))
                .header("Idempotency-Key", "huge-body-1").contentType("application/json")
                .body("\"" + "x".repeat(70_000) + "\"").post(path).then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** Issue 16: a field the request does not have is refused by name, not ignored. */
    @org.junit.jupiter.api.Test
    void anUnknownFieldIsRefusedByName() {
        given().header("Authorization", Fixtures.OPS).contentType("application/json")
                .body("{\"region\":\"370700\",\"dryRun\":true,\"base\":\"3980.00\"}").post("/api/v1/rights/replays")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("https://flexsi.org/problems/unknown-field"))
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("base"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/rights/me?month=2026-13", "/api/v1/rights/me?month=March", "/api/v1/rights/me"})
    void aBadMonthIsAProblem(String path) {
        given().header("Authorization", TestTokens.bearer("contributor", "p-1")).get(path)
                .then().statusCode(400).contentType("application/problem+json");
    }
}
