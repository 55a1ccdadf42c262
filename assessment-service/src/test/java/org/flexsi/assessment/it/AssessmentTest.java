package org.flexsi.assessment.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.assessment.it.Fixtures.PAYMENT;
import static org.flexsi.assessment.it.Fixtures.REGISTRATION;
import static org.flexsi.assessment.it.Fixtures.as;
import static org.flexsi.assessment.it.Fixtures.count;
import static org.flexsi.assessment.it.Fixtures.enrol;
import static org.flexsi.assessment.it.Fixtures.events;
import static org.flexsi.assessment.it.Fixtures.key;
import static org.flexsi.assessment.it.Fixtures.newPerson;
import static org.flexsi.assessment.it.Fixtures.register;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flexsi.assessment.assessment.AssessmentService;
import org.flexsi.assessment.catalogue.CatalogueAdminResource;
import org.flexsi.contracts.Json;
import org.flexsi.contracts.events.AssessmentCancelled;
import org.flexsi.contracts.events.AssessmentCreated;
import org.flexsi.contracts.events.AssessmentExpired;
import org.flexsi.contracts.events.EnrolmentContinued;
import org.flexsi.contracts.events.EnrolmentInterrupted;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.ProxyLinked;
import org.flexsi.contracts.events.ProxyUnlinked;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.time.PlatformClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssessmentTest {
    @Inject
    PlatformClock clock;

    private static final String JINAN_MAY_2022 = "2022-05-15T02:00:00Z";

    @Inject
    AssessmentService service;


    @Test
    void aJinanContributorAssessesJanuaryToMayAndTheAssessmentIsAnnounced() throws Exception {
        clock.setTo(Instant.parse(JINAN_MAY_2022));
        String person = jinanPerson();
        String key = key();
        String body = body(person, "\"2022-03\", \"2022-01\", \"2022-02\", \"2022-04\", \"2022-05\"");
        var created = as("contributor", person).header("Idempotency-Key", key).body(body).post("/api/v1/assessments")
                .then().statusCode(201)
                .body("source", equalTo("SELF_SELECTED")).body("status", equalTo("OPEN"))
                .body("catalogueVersion", equalTo("370100-2022-v1"))
                .body("lines.insurance", contains("PENSION", "MEDICAL", "MEDICAL", "MEDICAL"))
                .body("lines.part", contains(null, "UNIT", "PERSONAL", "MUTUAL_AID"))
                .body("lines.amount", contains("5000.00", "749.20", "187.30", "90.00"))
                .body("total", equalTo("6026.50"))
                .extract();
        String serial = created.path("serialNumber");
        // payable for the configured lifetime (24 h) from the moment it was made, well inside the year
        assertEquals(Duration.ofHours(24), Duration.between(Instant.parse(created.path("createdAt")),
                Instant.parse(created.path("expiresAt"))));
        assertTrue(created.<String>path("createdAt").startsWith("2022-05-15T02:0"), (String) created.path("createdAt"));
        assertTrue(serial.startsWith("37010020220515"), serial);

        // a retry gets the same assessment, not a second one
        as("contributor", person).header("Idempotency-Key", key).body(body).post("/api/v1/assessments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("serialNumber", equalTo(serial));
        assertEquals(1, count("select count(*) from assessment where person_id = '" + person + "'"));

        var records = events(person, AssessmentCreated.TYPE);
        assertEquals(1, records.size());
        AssessmentCreated event = Json.eventMapper().readValue(records.get(0).value(), AssessmentCreated.class);
        assertEquals(serial, event.serialNumber());
        assertEquals("6026.50", event.total());
        assertEquals(List.of("2022-01", "2022-02", "2022-03", "2022-04", "2022-05"), event.lines().get(0).months());
        assertEquals("370100-2022-v1", event.catalogueVersion());

        as("contributor", person).get("/api/v1/assessments/" + serial).then().statusCode(200).body("total", equalTo("6026.50"));
        as("ops", "ops-1").get("/api/v1/assessments/" + serial).then().statusCode(200);
        as("contributor", newPerson()).get("/api/v1/assessments/" + serial).then().statusCode(403)
                .contentType("application/problem+json");
        as("bank", "bank-1").get("/api/v1/assessments/" + serial).then().statusCode(403);
        given().get("/api/v1/assessments/" + serial).then().statusCode(401);
        as("ops", "ops-1").get("/api/v1/assessments/" + java.util.UUID.randomUUID()).then().statusCode(404);

        // the same months again, while this one is open
        as("contributor", person).header("Idempotency-Key", key()).body(body).post("/api/v1/assessments")
                .then().statusCode(409).body("detail", containsString(serial));
    }

    @Test
    void paidMonthsCannotBeAssessedAgainUntilRefunded() {
        clock.setTo(Instant.parse(JINAN_MAY_2022));
        String person = jinanPerson();
        String serial = as("contributor", person).header("Idempotency-Key", key()).body(body(person, "\"2022-01\""))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("serialNumber");
        List<LineItem> lines = List.of(new LineItem("PENSION", List.of("2022-01"), "5000.00", "0.20", "1000.00", null));
        TestKafka.publish(new PaymentSucceeded("pay-" + serial, serial, person, person, "370100", "WECHAT", "wechat", "wx-1",
                lines, "1000.00", Instant.parse(JINAN_MAY_2022)), PAYMENT);
        await().until(() -> count("select count(*) from assessment where serial_number = '" + serial + "' and status = 'PAID'") == 1);

        String pensionOnly = "{\"personId\": \"" + person + "\", \"months\": [\"2022-01\"], \"insurances\": [{\"insurance\": \"PENSION\"}]}";
        as("contributor", person).header("Idempotency-Key", key()).body(pensionOnly).post("/api/v1/assessments")
                .then().statusCode(422).body("rule", equalTo("already-paid"));

        TestKafka.publish(new PaymentRefunded("ref-1", "pay-" + serial, serial, person, "370100", lines, "1000.00", "mistake",
                Instant.parse(JINAN_MAY_2022), "APPLICATION"), PAYMENT);
        await().until(() -> count("select count(*) from paid_month where person_id = '" + person + "'") == 0);
        as("contributor", person).header("Idempotency-Key", key()).body(pensionOnly).post("/api/v1/assessments")
                .then().statusCode(201).body("total", equalTo("1000.00"));
    }

    @Test
    void monthsOutsideTheWindowOrTheEnrolmentAreRefusedAndNothingIsStored() {
        clock.setTo(Instant.parse(JINAN_MAY_2022));
        String person = jinanPerson();
        long before = count("select count(*) from assessment");
        long outbox = count("select count(*) from outbox_event");
        refused(person, body(person, "\"2022-06\""), "R13", "future month");
        refused(person, body(person, "\"2021-12\""), "catalogue", "2021-12");
        refused(person, body(person, "\"2022-01\", \"2022-01\""), "months-distinct", "twice");
        refused(person, "{\"personId\": \"" + person + "\", \"months\": [\"2022-01\"], \"insurances\": [{\"insurance\": \"PENSION\", \"base\": \"99999\"}]}",
                "R7", "18726.00");
        String stranger = newPerson();
        refused(stranger, body(stranger, "\"2022-01\""), "R3", "not registered");

        TestKafka.publish(new EnrolmentInterrupted(person, "PENSION", "370100", "2022-02", "lost income", Instant.now()), REGISTRATION);
        await().until(() -> count("select count(*) from enrolment where person_id = '" + person + "' and status = 'INTERRUPTED'") == 1);
        refused(person, "{\"personId\": \"" + person + "\", \"months\": [\"2022-03\"], \"insurances\": [{\"insurance\": \"PENSION\"}]}",
                "R4", "continue");
        assertEquals(before, count("select count(*) from assessment"));
        assertEquals(outbox, count("select count(*) from outbox_event"));

        // continued from April: March stays a gap, April is payable again at the new base
        TestKafka.publish(new EnrolmentContinued(person, "PENSION", "370100", "2022-04", null, "6000.00", null, null, Instant.now()),
                REGISTRATION);
        await().until(() -> count("select count(*) from enrolment where person_id = '" + person + "' and status = 'ACTIVE' and insurance = 'PENSION'") == 1);
        as("contributor", person).header("Idempotency-Key", key())
                .body("{\"personId\": \"" + person + "\", \"months\": [\"2022-04\"], \"insurances\": [{\"insurance\": \"PENSION\"}]}")
                .post("/api/v1/assessments").then().statusCode(201).body("total", equalTo("1200.00"));
        assertEquals(1, count("select count(*) from enrolment_gap where person_id = '" + person + "' and from_month = '2022-03' and to_month = '2022-03'"));
    }

    @Test
    void interruptedMedicalMonthsAreProposedForAgencyBackPay() {
        clock.setTo(Instant.parse(JINAN_MAY_2022));
        String person = jinanPerson();
        TestKafka.publish(new EnrolmentInterrupted(person, "MEDICAL", "370100", "2022-01", null, Instant.now()), REGISTRATION);
        TestKafka.publish(new EnrolmentContinued(person, "MEDICAL", "370100", "2022-04", null, null, null, null, Instant.now()),
                REGISTRATION);
        await().until(() -> count("select count(*) from enrolment_gap where person_id = '" + person + "' and to_month = '2022-03'") == 1);
        as("contributor", person).header("Idempotency-Key", key()).body(body(person, "\"2022-02\"")).post("/api/v1/assessments")
                .then().statusCode(422).body("rule", equalTo("R16"));
        String serial = as("contributor", person).header("Idempotency-Key", key())
                .body("{\"personId\": \"" + person + "\", \"months\": [\"2022-05\"], \"insurances\": [{\"insurance\": \"PENSION\"}]}")
                .post("/api/v1/assessments").then().statusCode(201).extract().path("serialNumber");

        as("contributor", person).get("/api/v1/persons/" + person + "/back-pay").then().statusCode(200)
                .body("insurances.insurance", contains("MEDICAL", "PENSION"))
                .body("insurances[0].selfService", contains("2022-01", "2022-04", "2022-05"))
                .body("insurances[0].agencyOnly", contains("2022-02", "2022-03"))
                .body("insurances[0].agencyRule", equalTo("R16"))
                .body("insurances[1].selfService", contains("2022-01", "2022-02", "2022-03", "2022-04"))
                .body("insurances[1].agencyOnly", hasSize(0));
        as("contributor", newPerson()).get("/api/v1/persons/" + person + "/back-pay").then().statusCode(403);
        assertTrue(serial.startsWith("370100"));
    }

    @Test
    void aProxyAssessesOnlyPersonsOnHisList() {
        clock.setTo(Instant.parse(JINAN_MAY_2022));
        String person = jinanPerson();
        String proxy = "proxy-" + person;
        as("proxy", proxy).header("Idempotency-Key", key()).body(body(person, "\"2022-02\"")).post("/api/v1/assessments")
                .then().statusCode(403).contentType("application/problem+json");
        TestKafka.publish(new ProxyLinked(person, proxy, LocalDate.of(2022, 5, 1), Instant.now()), REGISTRATION);
        await().until(() -> count("select count(*) from proxy_link where proxy_id = '" + proxy + "'") == 1);
        String serial = as("proxy", proxy).header("Idempotency-Key", key()).body(body(person, "\"2022-02\"")).post("/api/v1/assessments")
                .then().statusCode(201).extract().path("serialNumber");
        as("proxy", proxy).get("/api/v1/persons/" + person + "/assessments").then().statusCode(200).body("serialNumber", contains(serial));
        TestKafka.publish(new ProxyUnlinked(person, proxy, Instant.now()), REGISTRATION);
        await().until(() -> count("select count(*) from proxy_link where proxy_id = '" + proxy + "'") == 0);
        as("proxy", proxy).get("/api/v1/assessments/" + serial).then().statusCode(403);
        as("ops", "ops-1").header("Idempotency-Key", key()).body(body(person, "\"2022-03\"")).post("/api/v1/assessments")
                .then().statusCode(403);
    }

    @Test
    void anOpenAssessmentCanBeCancelledOnceAndAnUnpaidOneExpires() {
        clock.setTo(Instant.parse(JINAN_MAY_2022));
        String person = jinanPerson();
        String first = as("contributor", person).header("Idempotency-Key", key()).body(body(person, "\"2022-03\""))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("serialNumber");
        as("contributor", newPerson()).header("Idempotency-Key", key()).body("{\"reason\": \"not mine\"}")
                .post("/api/v1/assessments/" + first + "/cancellation").then().statusCode(403);
        as("contributor", person).header("Idempotency-Key", key()).body("{\"reason\": \"other grade\"}")
                .post("/api/v1/assessments/" + first + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("closeReason", equalTo("other grade"));
        as("contributor", person).header("Idempotency-Key", key()).body("{\"reason\": \"again\"}")
                .post("/api/v1/assessments/" + first + "/cancellation").then().statusCode(409);
        JsonNode cancelled = read(events(person, AssessmentCancelled.TYPE).get(0).value());
        assertEquals(first, cancelled.get("serialNumber").asText());

        // the cancelled months are free again; this one is left unpaid past its expiry
        String second = as("contributor", person).header("Idempotency-Key", key()).body(body(person, "\"2022-03\""))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("serialNumber");
        clock.setTo(Instant.parse("2022-05-16T02:05:00Z")); // past its 24 h (the clock ran on while it was made)
        assertTrue(service.expireDue(1000) >= 1);
        as("contributor", person).get("/api/v1/assessments/" + second).then().statusCode(200).body("status", equalTo("EXPIRED"));
        assertEquals(second, read(events(person, AssessmentExpired.TYPE).get(0).value()).get("serialNumber").asText());
        assertEquals(0, service.expireDue(1000), "an expired assessment expires once");
        as("contributor", person).get("/api/v1/persons/" + person + "/assessments?status=OPEN").then().statusCode(200)
                .body("$", hasSize(0));
    }

    /** The lead's system-test path: ops publish a Jinan-like 2026 catalogue, a contributor assesses the current month. */
    @Test
    void aNewYearPublishedThroughTheApiIsAssessable() {
        String version = as("ops", "ops-alice").header("Idempotency-Key", key()).body(CatalogueAdminResource.EXAMPLE)
                .post("/api/v1/admin/catalogues").then().statusCode(201).extract().path("version");
        as("ops", "ops-bob").post("/api/v1/admin/catalogues/" + version + "/publish").then().statusCode(200);
        clock.setTo(Instant.parse("2026-06-15T03:00:00Z"));
        String person = newPerson();
        register(person, "370102199003071234", "赵六", "370100",
                enrol(person, "PENSION", "370100", "2026-01", null, "4500.00", null, null),
                enrol(person, "MEDICAL", "370100", "2026-01", null, null, "0.09", "WITH_ACCOUNT"));
        as("contributor", person).header("Idempotency-Key", key())
                .body("{\"personId\": \"" + person + "\", \"months\": [\"2026-06\"], \"insurances\": [{\"insurance\": \"PENSION\"}, {\"insurance\": \"MEDICAL\"}]}")
                .post("/api/v1/assessments").then().statusCode(201)
                .body("catalogueVersion", equalTo(version)).body("lines.amount", contains("900.00", "405.00"))
                .body("total", equalTo("1305.00"));
    }

    /** Every seed region through the API, from the choices registration recorded. */
    @Test
    void weifangJiangxiAndWuhanContributorsAreAssessedFromTheirRegisteredChoices() {
        clock.setTo(Instant.parse("2023-03-10T02:00:00Z"));
        String weifang = newPerson();
        register(weifang, "370702198801011234", "孙八", "370700",
                enrol(weifang, "PENSION", "370700", "2023-01", null, "4378.00", null, null),
                enrol(weifang, "MEDICAL", "370700", "2023-01", null, "4378.00", "0.07", null),
                enrol(weifang, "WORK_INJURY", "370700", "2023-01", null, "4378.00", null, null),
                enrol(weifang, "SERIOUS_ILLNESS", "370700", "2023-01", null, null, null, null),
                enrol(weifang, "LONG_TERM_CARE", "370700", "2023-01", null, null, null, null));
        as("contributor", weifang).header("Idempotency-Key", key()).body("{\"personId\": \"" + weifang + "\", \"months\": ["
                + "\"2023-01\", \"2023-02\", \"2023-03\", \"2023-04\", \"2023-05\", \"2023-06\", \"2023-07\", \"2023-08\", "
                + "\"2023-09\", \"2023-10\", \"2023-11\", \"2023-12\"], \"insurances\": [{\"insurance\": \"PENSION\"}, "
                + "{\"insurance\": \"MEDICAL\"}, {\"insurance\": \"WORK_INJURY\"}, {\"insurance\": \"SERIOUS_ILLNESS\"}, "
                + "{\"insurance\": \"LONG_TERM_CARE\"}]}")
                .post("/api/v1/assessments").then().statusCode(201)
                .body("lines.amount", contains("10507.20", "3677.52", "472.82", "150.00", "48.00")).body("total", equalTo("14855.54"));

        clock.setTo(Instant.parse("2020-04-20T02:00:00Z"));
        String jiangxi = newPerson();
        register(jiangxi, "360102198501011234", "周九", "360102", enrol(jiangxi, "PENSION", "360102", "2020-01", "60", null, null, null),
                enrol(jiangxi, "MEDICAL", "360102", "2020-01", null, null, "0.08", null));
        as("contributor", jiangxi).header("Idempotency-Key", key())
                .body("{\"personId\": \"" + jiangxi + "\", \"months\": [\"2020-01\", \"2020-02\", \"2020-03\"], \"insurances\": [{\"insurance\": \"PENSION\"}]}")
                .post("/api/v1/assessments").then().statusCode(201).body("catalogueVersion", equalTo("360000-2020-v1"))
                .body("region", equalTo("360000")).body("total", equalTo("1815.00"));
        refused(jiangxi, "{\"personId\": \"" + jiangxi + "\", \"months\": [\"2020-04\"], \"insurances\": [{\"insurance\": \"MEDICAL\"}]}",
                "R16", "agency");

        clock.setTo(Instant.parse("2023-06-30T08:00:00Z"));
        String wuhan = newPerson();
        register(wuhan, "420106199001011234", "吴十", "420100", enrol(wuhan, "PENSION", "420100", "2022-07", "100", null, null, null));
        as("contributor", wuhan).header("Idempotency-Key", key())
                .body("{\"personId\": \"" + wuhan + "\", \"months\": [\"2023-04\", \"2023-05\", \"2023-06\"], \"insurances\": [{\"insurance\": \"PENSION\"}]}")
                .post("/api/v1/assessments").then().statusCode(201).body("total", equalTo("3847.80"))
                .body("expiresAt", equalTo("2023-06-30T16:00:00Z"));
    }

    /** R12-R14 (issue 16 item 8): a contributor or proxy pays the periods the region allows; an agency at the counter its own. */
    @Test
    void selfServiceAssessmentsPayThePeriodsTheRegionAllows() {
        clock.setTo(Instant.parse("2023-06-10T02:00:00Z"));
        String wuhan = newPerson();
        register(wuhan, "420106199001011234", "吴十", "420100", enrol(wuhan, "PENSION", "420100", "2022-07", "100", null, null, null));
        String pension = "{\"personId\": \"" + wuhan + "\", \"months\": [%s], \"insurances\": [{\"insurance\": \"PENSION\"}]}";
        refused(wuhan, pension.formatted("\"2023-05\", \"2023-06\""), "R12", "quarter");
        refused(wuhan, pension.formatted("\"2022-08\", \"2022-09\", \"2022-10\""), "R12", "2022-07..2022-09");
        String proxy = "proxy-" + wuhan;
        TestKafka.publish(new ProxyLinked(wuhan, proxy, LocalDate.of(2023, 6, 1), Instant.now()), REGISTRATION);
        await().until(() -> count("select count(*) from proxy_link where proxy_id = '" + proxy + "'") == 1);
        as("proxy", proxy).header("Idempotency-Key", key()).body(pension.formatted("\"2023-01\", \"2023-02\""))
                .post("/api/v1/assessments").then().statusCode(422).body("rule", equalTo("R12"));
        assertEquals(0, count("select count(*) from assessment where person_id = '" + wuhan + "'"));

        as("contributor", wuhan).header("Idempotency-Key", key()).body(pension.formatted("\"2023-04\", \"2023-05\", \"2023-06\""))
                .post("/api/v1/assessments").then().statusCode(201);
        as("proxy", proxy).header("Idempotency-Key", key()).body(pension.formatted("\"2022-07\", \"2022-08\", \"2022-09\", "
                + "\"2022-10\", \"2022-11\", \"2022-12\"")).post("/api/v1/assessments").then().statusCode(201);
        // the agency at its counter assesses the months it finds, here two loose ones
        as("agency", "wuhan-pension").header("Idempotency-Key", key()).body(pension.formatted("\"2023-01\", \"2023-03\""))
                .post("/api/v1/assessments").then().statusCode(201).body("lines[0].months", contains("2023-01", "2023-03"));

        // Weifang, silent: one unbroken run within the year
        String weifang = newPerson();
        register(weifang, "370702198801011234", "孙八", "370700", enrol(weifang, "PENSION", "370700", "2023-01", null, "4378.00", null, null));
        refused(weifang, "{\"personId\": \"" + weifang + "\", \"months\": [\"2023-01\", \"2023-03\"], \"insurances\": [{\"insurance\": \"PENSION\"}]}",
                "R13", "2023-02 is missing");
    }

    @Test
    void malformedAssessmentsAreProblems() {
        for (String bad : new String[] {"{", "[]", "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}",
                "\"" + "A".repeat(70_000) + "\"", "{}"}) {
            as("agency", "jinan-pension").header("Idempotency-Key", key()).body(bad).post("/api/v1/assessments")
                    .then().statusCode(400).contentType("application/problem+json");
            as("agency", "jinan-pension").header("Idempotency-Key", key()).body(bad)
                    .post("/api/v1/assessments/" + java.util.UUID.randomUUID() + "/cancellation")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().contentType("application/json").body("{}").post("/api/v1/assessments").then().statusCode(401);
        as("agency", "jinan-pension").body(body("p-1", "\"2022-01\"")).post("/api/v1/assessments").then().statusCode(400)
                .body("detail", containsString("Idempotency-Key"));
    }

    private static JsonNode read(String json) {
        try {
            return Json.eventMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void refused(String person, String body, String rule, String detail) {
        as("contributor", person).header("Idempotency-Key", key()).body(body).post("/api/v1/assessments")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo(rule))
                .body("detail", containsString(detail));
    }

    /** A Jinan contributor: pension at base 5000 and the pooled-only medical plan, both from January 2022. */
    private static String jinanPerson() {
        String person = newPerson();
        register(person, "370102199003071234", "李四", "370100",
                enrol(person, "PENSION", "370100", "2022-01", null, "5000.00", null, null),
                enrol(person, "MEDICAL", "370100", "2022-01", null, null, "0.05", "POOLED_ONLY"));
        return person;
    }

    private static String body(String person, String months) {
        return "{\"personId\": \"" + person + "\", \"months\": [" + months + "], \"insurances\": ["
                + "{\"insurance\": \"PENSION\"}, {\"insurance\": \"MEDICAL\"}]}";
    }
}
