package org.flexsi.assessment.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.assessment.it.Fixtures.as;
import static org.flexsi.assessment.it.Fixtures.count;
import static org.flexsi.assessment.it.Fixtures.enrol;
import static org.flexsi.assessment.it.Fixtures.newPerson;
import static org.flexsi.assessment.it.Fixtures.register;
import static org.flexsi.assessment.it.Fixtures.text;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.flexsi.platform.time.PlatformClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuoteTest {
    @Inject
    PlatformClock clock;

    private static final String WEIFANG_YEAR = """
            {"region": "370700", "year": 2023, "base": "3980.00",
             "months": ["2023-12", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06",
                        "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-01"],
             "insurances": [{"insurance": "PENSION"}, {"insurance": "MEDICAL", "rate": "0.06"},
                            {"insurance": "WORK_INJURY"}, {"insurance": "SERIOUS_ILLNESS"}, {"insurance": "LONG_TERM_CARE"}]}
            """;


    @Test
    void weifangAllItemsForAYearMatchTheSeed() {
        as("contributor", "p-1").body(WEIFANG_YEAR).post("/api/v1/quotes").then().statusCode(200)
                .body("catalogueVersion", equalTo("370700-2023-v1"))
                .body("lines.insurance", contains("PENSION", "MEDICAL", "WORK_INJURY", "SERIOUS_ILLNESS", "LONG_TERM_CARE"))
                .body("lines.amount", contains("9552.00", "2865.60", "429.84", "150.00", "48.00"))
                .body("lines[0].base", equalTo("3980.00")).body("lines[1].rate", equalTo("0.06"))
                .body("lines[3].base", nullValue())
                .body("lines[0].months[0]", equalTo("2023-01")).body("lines[0].months[11]", equalTo("2023-12"))
                .body("total", equalTo("13045.44"))
                .body("payableNow", equalTo(false)).body("notPayableRule", equalTo("R13"));
    }

    @Test
    void jinanInMay2022IsPayableForJanuaryToMayOnly() {
        clock.setTo(Instant.parse("2022-05-15T02:00:00Z"));
        String body = """
                {"region": "370100", "year": 2022, "months": [%s],
                 "insurances": [{"insurance": "PENSION", "base": "3746"}, {"insurance": "MEDICAL", "plan": "POOLED_ONLY"}]}""";
        as("proxy", "proxy-1").body(body.formatted("\"2022-05\"")).post("/api/v1/quotes").then().statusCode(200)
                .body("lines.part", contains(null, "UNIT", "PERSONAL", "MUTUAL_AID"))
                .body("total", equalTo("954.50")).body("payableNow", equalTo(true));
        as("bank", "bank-1").body(body.formatted("\"2022-06\"")).post("/api/v1/quotes").then().statusCode(200)
                .body("payableNow", equalTo(false)).body("notPayableRule", equalTo("R13"))
                .body("notPayableReason", containsString("future month"));
    }

    @Test
    void hubeiClosesTheSocialInsuranceYearOn30June() {
        String body = """
                {"region": "420100", "year": 2022, "months": ["2023-06"], "insurances": [{"insurance": "PENSION", "grade": "60"}]}""";
        clock.setTo(Instant.parse("2023-06-30T15:00:00Z"));
        as("contributor", "p-1").body(body).post("/api/v1/quotes").then().statusCode(200)
                .body("total", equalTo("769.60")).body("payableNow", equalTo(true));
        clock.setTo(Instant.parse("2023-06-30T16:00:00Z")); // midnight in China: 1 July
        as("contributor", "p-1").body(body).post("/api/v1/quotes").then().statusCode(200)
                .body("payableNow", equalTo(false)).body("notPayableRule", equalTo("R12"));
    }

    @Test
    void jiangxiMedicalIsAgencyAssessed() {
        as("contributor", "p-1").body("""
                {"region": "360000", "year": 2020, "months": ["2020-01"], "insurances": [{"insurance": "MEDICAL"}]}""")
                .post("/api/v1/quotes").then().statusCode(200).body("total", equalTo("403.20"))
                .body("payableNow", equalTo(false)).body("notPayableRule", equalTo("R16"));
    }

    @Test
    void aQuoteChangesNothing() {
        String person = newPerson();
        register(person, "370102199003071234", "王五", "370100",
                enrol(person, "PENSION", "370100", "2022-01", null, "3746.00", null, null));
        long outbox = count("select count(*) from outbox_event");
        long assessments = count("select count(*) from assessment");
        long keys = count("select count(*) from idempotency_record");
        as("contributor", person).body("""
                {"region": "370100", "year": 2022, "months": ["2022-01"], "insurances": [{"insurance": "PENSION", "base": "9000"}]}""")
                .post("/api/v1/quotes").then().statusCode(200).body("total", equalTo("1800.00"));
        // R11: typing a base into a quote must not change the registered base
        assertEquals("3746.00", text("select base from enrolment where person_id = '" + person + "' and insurance = 'PENSION'"));
        assertEquals(outbox, count("select count(*) from outbox_event"));
        assertEquals(assessments, count("select count(*) from assessment"));
        assertEquals(keys, count("select count(*) from idempotency_record"));
    }

    @Test
    void badQuotesNameTheRule() {
        rule("{\"region\": \"110000\", \"year\": 2022, \"months\": [\"2022-01\"], \"insurances\": [{\"insurance\": \"PENSION\"}]}", "catalogue");
        rule("{\"region\": \"370100\", \"year\": 2030, \"months\": [\"2030-01\"], \"insurances\": [{\"insurance\": \"PENSION\"}]}", "catalogue");
        rule("{\"region\": \"370100\", \"year\": 2022, \"months\": [\"2022-01\"], \"insurances\": [{\"insurance\": \"PENSION\", \"base\": \"20000\"}]}", "R7");
        rule("{\"region\": \"420100\", \"year\": 2022, \"months\": [\"2022-07\"], \"insurances\": [{\"insurance\": \"PENSION\", \"grade\": \"55\"}]}", "R7");
        rule("{\"region\": \"370100\", \"year\": 2022, \"months\": [\"2022-01\", \"2022-01\"], \"insurances\": [{\"insurance\": \"PENSION\", \"base\": \"5000\"}]}", "months-distinct");
        rule("{\"region\": \"370100\", \"year\": 2022, \"months\": [\"2023-01\"], \"insurances\": [{\"insurance\": \"PENSION\", \"base\": \"5000\"}]}", "catalogue-months");
        as("contributor", "p-1").body("{\"region\": \"370100\", \"year\": 2022, \"months\": [\"2022/01\"], \"insurances\": []}")
                .post("/api/v1/quotes").then().statusCode(400).contentType("application/problem+json");
        as("contributor", "p-1").body("{\"region\": \"370100\", \"year\": 2022, \"months\": [\"2022-01\"], \"insurances\": [{\"insurance\": \"DENTAL\"}]}")
                .post("/api/v1/quotes").then().statusCode(400).contentType("application/problem+json");
        for (String bad : new String[] {"{", "[]", "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}",
                "\"" + "A".repeat(70_000) + "\""}) {
            as("ops", "ops-1").body(bad).post("/api/v1/quotes").then().statusCode(400).contentType("application/problem+json");
        }
        given().contentType("application/json").body(WEIFANG_YEAR).post("/api/v1/quotes").then().statusCode(401)
                .contentType("application/problem+json");
    }

    private static void rule(String body, String rule) {
        as("contributor", "p-1").body(body).post("/api/v1/quotes").then().statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo(rule));
    }
}
