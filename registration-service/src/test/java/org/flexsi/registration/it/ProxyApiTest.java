package org.flexsi.registration.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.events.ProxyLinked;
import org.flexsi.contracts.events.ProxyUnlinked;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProxyApiTest {
    @Inject
    EntityManager em;

    private static RequestSpecification as(String proxy) {
        return given().header("Authorization", TestTokens.bearer("proxy", proxy)).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json");
    }

    private static String addBody(String idNumber, String name) {
        return """
                {"idType":"RESIDENT_ID","idNumber":"%s","name":"%s","consentDate":"2026-01-10","relationship":"spouse"}
                """.formatted(idNumber, name);
    }

    @Test
    void aProxyKeepsHisListAndActsOnlyForItOnceConfirmed() throws Exception {
        String proxy = "proxy-" + UUID.randomUUID();
        String id = Fixtures.freshId();
        String personId = Fixtures.agency().body(Fixtures.wuhanBody(id)).post("/api/v1/persons").then().statusCode(201)
                .extract().path("personId");
        String stranger = Fixtures.registerWuhan();

        as(proxy).body(addBody(id, "张伟")).post("/api/v1/proxy/persons").then().statusCode(201)
                .body("personId", equalTo(personId)).body("status", equalTo("PENDING"))
                .body("idNumber", equalTo(id.substring(0, 4) + "**********" + id.substring(14)));
        as(proxy).body(addBody(id, "张伟")).post("/api/v1/proxy/persons").then().statusCode(409);
        given().header("Authorization", TestTokens.bearer("contributor", personId))
                .post("/api/v1/persons/" + personId + "/proxies/" + proxy + "/confirmation").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        as(proxy).get("/api/v1/proxy/persons").then().statusCode(200).body("", hasSize(1))
                .body("[0].relationship", equalTo("spouse")).body("[0].status", equalTo("ACTIVE"));

        as(proxy).get("/api/v1/persons/" + personId).then().statusCode(200).body("personId", equalTo(personId));
        as(proxy).get("/api/v1/persons/" + personId + "/coverage?month=2026-01").then().statusCode(200);
        as(proxy).get("/api/v1/persons/" + stranger).then().statusCode(403);
        as("proxy-other").get("/api/v1/persons/" + personId).then().statusCode(403);

        as(proxy).body("{\"consentDate\":\"2026-01-10\",\"relationship\":\"parent\"}").put("/api/v1/proxy/persons/" + personId)
                .then().statusCode(200).body("relationship", equalTo("parent"));
        as(proxy).body("{\"consentDate\":\"2025-02-01\",\"relationship\":\"parent\"}").put("/api/v1/proxy/persons/" + personId)
                .then().statusCode(409).body("type", containsString("link-confirmed"));
        as(proxy).delete("/api/v1/proxy/persons/" + personId).then().statusCode(204);
        as(proxy).delete("/api/v1/proxy/persons/" + personId).then().statusCode(404);
        as(proxy).get("/api/v1/persons/" + personId).then().statusCode(403);

        List<ConsumerRecord<String, String>> events = Fixtures.events(personId, 5);
        assertEquals(List.of(ProxyLinked.TYPE, ProxyUnlinked.TYPE), Fixtures.types(events).subList(3, 5));
        assertEquals("2026-01-10", new ObjectMapper().readTree(events.get(3).value()).get("consentDate").asText());
        assertEquals(proxy, new ObjectMapper().readTree(events.get(4).value()).get("proxyId").asText());
    }

    @Test
    void onlyRegisteredPersonsWithTheRightNameCanBeAdded() {
        String proxy = "proxy-" + UUID.randomUUID();
        String id = Fixtures.freshId();
        as(proxy).body(addBody(id, "张伟")).post("/api/v1/proxy/persons").then().statusCode(422).body("rule", equalTo("R3"));
        Fixtures.agency().body(Fixtures.wuhanBody(id)).post("/api/v1/persons").then().statusCode(201);
        as(proxy).body(addBody(id, "王芳")).post("/api/v1/proxy/persons").then().statusCode(422);
        as(proxy).body(addBody(id, "张伟").replace("2026-01-10", "2999-01-01")).post("/api/v1/proxy/persons")
                .then().statusCode(400);
        as(proxy).body(addBody(id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'), "张伟")).post("/api/v1/proxy/persons")
                .then().statusCode(400);
        assertEquals(0L, Fixtures.count(em, "select count(*) from proxy_link where proxy_id = '" + proxy + "'"));
    }

    @Test
    void theListIsForProxiesOnly() {
        given().get("/api/v1/proxy/persons").then().statusCode(401);
        given().header("Authorization", Fixtures.AGENCY).get("/api/v1/proxy/persons").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("contributor", "p")).contentType("application/json")
                .body(addBody(Fixtures.freshId(), "x")).post("/api/v1/proxy/persons").then().statusCode(403);
        for (String body : List.of("{", "[]", "\"" + "x".repeat(70_000) + "\"",
                "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}")) {
            as("proxy-bad").body(body).post("/api/v1/proxy/persons").then().statusCode(400).contentType("application/problem+json");
            as("proxy-bad").body(body).put("/api/v1/proxy/persons/" + UUID.randomUUID()).then().statusCode(400);
        }
    }
}
