package org.flexsi.rightssync.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.rightssync.it.Fixtures.records;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Objects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.fault.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: an agency is a configured identity (kind and regions), not a token subject. A medical agency sees and
 * decides the medical insurance agency's records of its own regions only, a pension agency the pension records of its
 * own, a tax agency none; operations see every record. Regions nest: a province's agency reaches its cities' records,
 * a city's agency no other city's, in lists, the feed and single-record decisions alike.
 */
@QuarkusTest
class AgencyScopeTest {
    private static final String WEIFANG_MEDICAL = TestTokens.bearer("agency", "weifang-medical");
    private static final String WUHAN_PENSION = TestTokens.bearer("agency", "wuhan-pension");
    private static final String WUHAN_MEDICAL = TestTokens.bearer("agency", "wuhan-medical");
    private static final String HUBEI_PENSION = TestTokens.bearer("agency", "hubei-pension");
    private static final String HUBEI_MEDICAL = TestTokens.bearer("agency", "hubei-medical");
    private static final String JINAN_MEDICAL = TestTokens.bearer("agency", "jinan-medical");

    @AfterEach
    void clearFaults() {
        AgencySimulators.simulators().faults().clear();
    }

    @Test
    void anAgencySeesAndDecidesOnlyItsOwnKindOfRecordsInItsOwnRegions() {
        // the medical system is down, so the medical records stay undecided for the pull API
        AgencySimulators.simulators().faults().inject(Fault.down(Party.MEDICAL));
        String weifangPerson = Fixtures.person();
        Fixtures.register(weifangPerson);
        PaymentSucceeded weifang = Fixtures.weifang(weifangPerson, "2026-11");
        String wuhanPerson = Fixtures.person();
        Fixtures.register(wuhanPerson);
        PaymentSucceeded wuhan = wuhan(wuhanPerson);
        TestKafka.publish(weifang, Fixtures.PAYMENT);
        TestKafka.publish(wuhan, Fixtures.PAYMENT);
        await("all records stored").until(() -> records(weifang.paymentId()).getList("records").size() == 5
                && records(wuhan.paymentId()).getList("records").size() == 2);

        // operations see all five Weifang records, pension and medical
        assertEquals(Set.of("PENSION", "MEDICAL"), Set.copyOf(records(weifang.paymentId()).getList("records.agency", String.class)));

        // weifang-medical: the three medical records of Weifang (medical, serious illness, long-term care), nothing of Wuhan
        JsonPath seen = own(WEIFANG_MEDICAL, "personId", weifangPerson);
        assertEquals(3, seen.getInt("count"));
        assertEquals(Set.of("MEDICAL"), Set.copyOf(seen.getList("records.agency", String.class)));
        assertEquals(Set.of("370700"), Set.copyOf(seen.getList("records.region", String.class)));
        assertEquals(0, own(WEIFANG_MEDICAL, "paymentId", wuhan.paymentId()).getInt("count"));

        // wuhan-pension: refused on Weifang's records, its own Wuhan pension record only
        assertEquals(0, own(WUHAN_PENSION, "personId", weifangPerson).getInt("count"));
        assertEquals(0, own(WUHAN_PENSION, "paymentId", weifang.paymentId()).getInt("count"));
        JsonPath wuhanPension = own(WUHAN_PENSION, "paymentId", wuhan.paymentId());
        assertEquals(List.of("PENSION"), wuhanPension.getList("records.agency"));
        given().header("Authorization", WUHAN_PENSION).get("/api/v1/agencies/medical/records").then().statusCode(403)
                .contentType("application/problem+json");

        // a tax agency books no rights
        for (String path : List.of("/api/v1/rights/records?paymentId=" + weifang.paymentId(), "/api/v1/agencies/pension/records",
                "/api/v1/agencies/medical/records")) {
            given().header("Authorization", TestTokens.bearer("agency", "weifang-tax")).get(path).then().statusCode(403)
                    .contentType("application/problem+json");
        }

        // the medical feed of weifang-medical holds Weifang's medical records and none of Wuhan
        String medicalRecord = records(weifang.paymentId()).getString("records.find { it.insurance == 'MEDICAL' }.recordId");
        String wuhanMedical = records(wuhan.paymentId()).getString("records.find { it.insurance == 'MEDICAL' }.recordId");
        List<Map<String, Object>> feed = await("the record in Weifang's medical feed").until(() -> {
            List<Map<String, Object>> all = feed(WEIFANG_MEDICAL);
            return all.stream().anyMatch(r -> medicalRecord.equals(r.get("recordId"))) ? all : null;
        }, Objects::nonNull);
        assertTrue(feed.stream().allMatch(r -> "370700".equals(r.get("region"))), "only Weifang in Weifang's feed");
        assertFalse(feed.stream().anyMatch(r -> wuhanMedical.equals(r.get("recordId"))));

        // another region's medical agency cannot decide a Weifang record: unknown to it, nothing changes
        given().header("Authorization", WUHAN_MEDICAL).contentType("application/json").body(confirmation(medicalRecord))
                .post("/api/v1/agencies/medical/confirmations").then().statusCode(200)
                .body("results[0].outcome", equalTo("UNKNOWN"));
        assertNotEquals("CONFIRMED", records(weifang.paymentId())
                .getString("records.find { it.recordId == '" + medicalRecord + "' }.status"));
        given().header("Authorization", WEIFANG_MEDICAL).contentType("application/json").body(confirmation(medicalRecord))
                .post("/api/v1/agencies/medical/confirmations").then().statusCode(200)
                .body("results[0].outcome", equalTo("APPLIED"));
        assertEquals("CONFIRMED", records(weifang.paymentId())
                .getString("records.find { it.recordId == '" + medicalRecord + "' }.status"));
    }

    @Test
    void aProvinceAgencyReachesItsCitiesRecordsAndACityAgencyNoOtherCitys() {
        // the medical system is down, so the medical records stay undecided for the pull API
        AgencySimulators.simulators().faults().inject(Fault.down(Party.MEDICAL));
        String wuhanPerson = Fixtures.person();
        Fixtures.register(wuhanPerson);
        PaymentSucceeded wuhan = wuhan(wuhanPerson);
        String weifangPerson = Fixtures.person();
        Fixtures.register(weifangPerson);
        PaymentSucceeded weifang = Fixtures.weifang(weifangPerson, "2026-11");
        TestKafka.publish(wuhan, Fixtures.PAYMENT);
        TestKafka.publish(weifang, Fixtures.PAYMENT);
        await("all records stored").until(() -> records(weifang.paymentId()).getList("records").size() == 5
                && records(wuhan.paymentId()).getList("records").size() == 2);
        String wuhanMedical = records(wuhan.paymentId()).getString("records.find { it.insurance == 'MEDICAL' }.recordId");
        String weifangMedical = records(weifang.paymentId()).getString("records.find { it.insurance == 'MEDICAL' }.recordId");

        // Hubei's pension agency (420000) lists Wuhan's (420100) pension record, and nothing of Weifang
        JsonPath hubei = own(HUBEI_PENSION, "personId", wuhanPerson);
        assertEquals(List.of("PENSION"), hubei.getList("records.agency"));
        assertEquals(List.of("420100"), hubei.getList("records.region"));
        assertEquals(0, own(HUBEI_PENSION, "paymentId", weifang.paymentId()).getInt("count"));
        // Hubei's medical agency pulls Wuhan's medical record from its feed and decides it
        List<Map<String, Object>> hubeiFeed = await("Wuhan's record in Hubei's medical feed").until(() -> feed(HUBEI_MEDICAL),
                all -> all.stream().anyMatch(r -> wuhanMedical.equals(r.get("recordId"))));
        assertTrue(hubeiFeed.stream().allMatch(r -> ((String) r.get("region")).startsWith("42")), "only Hubei in Hubei's feed");

        // Jinan's medical agency (370100, a city of Shandong) reaches nothing of Weifang (370700, another city)
        assertEquals(0, own(JINAN_MEDICAL, "personId", weifangPerson).getInt("count"));
        await("Weifang's record in Weifang's medical feed")
                .until(() -> feed(WEIFANG_MEDICAL).stream().anyMatch(r -> weifangMedical.equals(r.get("recordId"))));
        assertFalse(feed(JINAN_MEDICAL).stream().anyMatch(r -> weifangMedical.equals(r.get("recordId"))));
        given().header("Authorization", JINAN_MEDICAL).contentType("application/json").body(confirmation(weifangMedical))
                .post("/api/v1/agencies/medical/confirmations").then().statusCode(200)
                .body("results[0].outcome", equalTo("UNKNOWN"));

        given().header("Authorization", HUBEI_MEDICAL).contentType("application/json").body(confirmation(wuhanMedical))
                .post("/api/v1/agencies/medical/confirmations").then().statusCode(200)
                .body("results[0].outcome", equalTo("APPLIED"));
        assertEquals("CONFIRMED", records(wuhan.paymentId())
                .getString("records.find { it.recordId == '" + wuhanMedical + "' }.status"));
        assertNotEquals("CONFIRMED", records(weifang.paymentId())
                .getString("records.find { it.recordId == '" + weifangMedical + "' }.status"));
    }

    /** A Wuhan person's pension and medical payment for 2026-11. */
    private static PaymentSucceeded wuhan(String personId) {
        return new PaymentSucceeded("pay-" + UUID.randomUUID(), "AS-" + UUID.randomUUID(), personId, personId, "420100",
                "WECHAT", "wechat", "tx-3", List.of(
                        new LineItem("PENSION", List.of("2026-11"), "4077.00", "0.20", "815.40", null),
                        new LineItem("MEDICAL", List.of("2026-11"), "4077.00", "0.08", "326.16", null)),
                "1141.56", Instant.now());
    }

    private static JsonPath own(String token, String param, String value) {
        return given().header("Authorization", token).queryParam(param, value).get("/api/v1/rights/records")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> feed(String token) {
        List<Map<String, Object>> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonPath page = given().header("Authorization", token).queryParam("after", after).queryParam("limit", 1000)
                    .get("/api/v1/agencies/medical/records").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> records = page.getList("records");
            if (records.isEmpty()) {
                return all;
            }
            all.addAll(records);
            after = page.getLong("nextCursor");
        }
    }

    private static String confirmation(String recordId) {
        return "{\"decisions\":[{\"recordId\":\"" + recordId + "\",\"status\":\"CONFIRMED\",\"agencyReference\":\"MED-SCOPE-1\","
                + "\"decidedAt\":\"" + Instant.now() + "\"}]}";
    }
}
