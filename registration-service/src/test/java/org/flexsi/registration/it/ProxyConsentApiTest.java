package org.flexsi.registration.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.registration.it.Fixtures.WEIFANG;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.events.ProxyLinked;
import org.flexsi.contracts.events.ProxyUnlinked;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Issue 17 item 3: a proxy link grants nothing until the person confirms it or an agency records it with evidence. */
@QuarkusTest
class ProxyConsentApiTest {

    private static RequestSpecification proxy(String proxyId) {
        return Fixtures.as(TestTokens.bearer("proxy", proxyId));
    }

    private static RequestSpecification person(String personId) {
        return given().header("Authorization", TestTokens.bearer("contributor", personId));
    }

    private static String ask(String idNumber, String name) {
        return "{\"idNumber\":\"" + idNumber + "\",\"name\":\"" + name + "\",\"consentDate\":\"2026-01-10\",\"relationship\":\"stranger\"}";
    }

    @Test
    void aStrangerWhoKnowsNameAndIdNumberSeesNothingUntilThePersonConfirms() {
        String id = Fixtures.freshId();
        String personId = Fixtures.agency().body(Fixtures.wuhanBody(id)).post("/api/v1/persons").then().statusCode(201)
                .extract().path("personId");
        String stranger = "proxy-" + UUID.randomUUID();

        // without idType: the resident identity card is meant (issue 16)
        proxy(stranger).body(ask(id, "张伟")).post("/api/v1/proxy/persons").then().statusCode(201)
                .body("status", equalTo("PENDING")).body("idType", equalTo("RESIDENT_ID"));
        proxy(stranger).get("/api/v1/persons/" + personId).then().statusCode(403);
        proxy(stranger).get("/api/v1/persons/" + personId + "/coverage").then().statusCode(403);
        proxy(stranger).get("/api/v1/persons/" + personId + "/history").then().statusCode(403);

        person(personId).get("/api/v1/persons/" + personId + "/proxies").then().statusCode(200)
                .body("", hasSize(1)).body("[0].proxyId", equalTo(stranger)).body("[0].status", equalTo("PENDING"));
        // nobody but the person confirms: not the proxy, not another contributor, not the agency
        String confirm = "/api/v1/persons/" + personId + "/proxies/" + stranger + "/confirmation";
        proxy(stranger).post(confirm).then().statusCode(403);
        person(UUID.randomUUID().toString()).post(confirm).then().statusCode(403);
        given().header("Authorization", Fixtures.AGENCY).post(confirm).then().statusCode(403);
        person(UUID.randomUUID().toString()).get("/api/v1/persons/" + personId + "/proxies").then().statusCode(403);

        person(personId).post(confirm).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("confirmedBy", equalTo(personId)).body("confirmedRole", equalTo("contributor"));
        person(personId).post(confirm).then().statusCode(200).body("status", equalTo("ACTIVE"));
        proxy(stranger).get("/api/v1/persons/" + personId).then().statusCode(200).body("masked", equalTo(true));

        List<ConsumerRecord<String, String>> events = Fixtures.events(personId, 4);
        assertEquals(List.of(ProxyLinked.TYPE), Fixtures.types(events).subList(3, events.size()),
                "proxy.linked once, when the person confirmed; a second confirmation announces nothing");
    }

    @Test
    void thePersonRefusesARequestOrEndsALink() {
        String id = Fixtures.freshId();
        String personId = Fixtures.agency().body(Fixtures.wuhanBody(id)).post("/api/v1/persons").then().statusCode(201)
                .extract().path("personId");
        String unwanted = "proxy-" + UUID.randomUUID();
        String wanted = "proxy-" + UUID.randomUUID();
        proxy(unwanted).body(ask(id, "张伟")).post("/api/v1/proxy/persons").then().statusCode(201);
        proxy(wanted).body(ask(id, "张伟")).post("/api/v1/proxy/persons").then().statusCode(201);

        person(personId).post("/api/v1/persons/" + personId + "/proxies/" + unwanted + "/refusal").then().statusCode(204);
        proxy(unwanted).get("/api/v1/proxy/persons").then().statusCode(200).body("", hasSize(0));
        person(personId).post("/api/v1/persons/" + personId + "/proxies/" + unwanted + "/confirmation").then().statusCode(404);

        person(personId).post("/api/v1/persons/" + personId + "/proxies/" + wanted + "/confirmation").then().statusCode(200);
        proxy(wanted).get("/api/v1/persons/" + personId).then().statusCode(200);
        person(personId).post("/api/v1/persons/" + personId + "/proxies/" + wanted + "/refusal").then().statusCode(204);
        proxy(wanted).get("/api/v1/persons/" + personId).then().statusCode(403);

        List<ConsumerRecord<String, String>> events = Fixtures.events(personId, 5);
        assertEquals(List.of(ProxyLinked.TYPE, ProxyUnlinked.TYPE), Fixtures.types(events).subList(3, 5),
                "the refused request was never announced; the ended link was");
    }

    @Test
    void theAgencyOfThePersonsRegionRecordsConsentAtTheCounterWithEvidence() {
        String personId = Fixtures.registerWeifang();
        String payer = "proxy-" + UUID.randomUUID();
        String record = "{\"proxyId\":\"" + payer + "\",\"consentDate\":\"2026-01-10\",\"relationship\":\"parent\","
                + "\"evidence\":\"WF-CONSENT-2026-000417\"}";
        String links = "/api/v1/persons/" + personId + "/proxies";

        Fixtures.agency().body(record).post(links).then().statusCode(403);
        Fixtures.weifang().body(record.replace(",\"evidence\":\"WF-CONSENT-2026-000417\"", "")).post(links)
                .then().statusCode(400).body("errors.field", hasItem("evidence"));
        Fixtures.weifang().body(record.replace("2026-01-10", "2999-01-01")).post(links).then().statusCode(400);
        given().header("Authorization", WEIFANG).contentType("application/json").body(record).post(links)
                .then().statusCode(400);
        proxy(payer).get("/api/v1/persons/" + personId).then().statusCode(403);

        Fixtures.weifang().body(record).post(links).then().statusCode(201).body("status", equalTo("ACTIVE"))
                .body("evidence", equalTo("WF-CONSENT-2026-000417")).body("confirmedBy", equalTo("weifang-medical"))
                .body("confirmedRole", equalTo("agency"));
        Fixtures.weifang().body(record).post(links).then().statusCode(409);
        proxy(payer).get("/api/v1/persons/" + personId).then().statusCode(200);
        proxy(payer).get("/api/v1/proxy/persons").then().body("[0].status", equalTo("ACTIVE"));
        given().header("Authorization", WEIFANG).get(links).then().statusCode(200).body("[0].evidence", equalTo("WF-CONSENT-2026-000417"));

        List<ConsumerRecord<String, String>> events = Fixtures.events(personId, 5);
        assertEquals(ProxyLinked.TYPE, Fixtures.types(events).get(4));
    }

    @Test
    void anAgencyActivatesAPendingRequest() {
        String id = Fixtures.freshId();
        String personId = Fixtures.weifang().body(Fixtures.weifangBody(id, "COUNTER")).post("/api/v1/persons").then()
                .statusCode(201).extract().path("personId");
        String payer = "proxy-" + UUID.randomUUID();
        proxy(payer).body(ask(id, "李娜")).post("/api/v1/proxy/persons").then().statusCode(201).body("status", equalTo("PENDING"));
        Fixtures.weifang().body("{\"proxyId\":\"" + payer + "\",\"consentDate\":\"2026-01-12\",\"evidence\":\"WF-7\"}")
                .post("/api/v1/persons/" + personId + "/proxies").then().statusCode(201).body("status", equalTo("ACTIVE"))
                .body("consentDate", equalTo("2026-01-12"));
        proxy(payer).get("/api/v1/proxy/persons").then().body("", hasSize(1)).body("[0].status", equalTo("ACTIVE"));
    }

    @Test
    void withoutIdTypeTheNumberIsStillChecked() {
        String id = Fixtures.freshId();
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        proxy("proxy-" + UUID.randomUUID()).body(ask(wrong, "张伟")).post("/api/v1/proxy/persons").then().statusCode(400)
                .body("errors.field", hasItem("idNumber"));
    }
}
