package org.flexsi.platform.it;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.Topics;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** A record this service's consumer cannot apply: listed for operations, replayed once after the fix, or parked with a note. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class DeadLettersTest {
    private static final String OPS = TestTokens.bearer("ops", "ops-li");
    private static final String ID_NUMBER = "420106199001011234";

    @Inject
    EffectConsumer consumer;
    @Inject
    EntityManager em;

    @Test
    void aRecordItsConsumerCouldNotApplyIsListedAndReplayedOnceAfterTheFix() {
        String person = "p-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        consumer.block(person);
        TestKafka.send(Topics.REGISTRATION, person, registered(person), headers(eventId));

        Map<String, Object> listed = awaitListed(person, "OPEN");
        assertEquals(Topics.deadLetter(Topics.REGISTRATION), listed.get("topic"));
        assertEquals(Topics.REGISTRATION, listed.get("originalTopic"));
        assertEquals(eventId, listed.get("eventId"));
        assertEquals(PersonRegistered.TYPE, listed.get("eventType"));
        assertTrue(String.valueOf(listed.get("reason")).contains("cannot be applied yet"), String.valueOf(listed.get("reason")));
        @SuppressWarnings("unchecked")
        Map<String, String> original = (Map<String, String>) listed.get("headers");
        assertEquals(eventId, original.get(CloudEventHeaders.ID));
        assertTrue(original.keySet().stream().noneMatch(h -> h.startsWith("dead-letter-")), original.toString());
        String excerpt = String.valueOf(listed.get("payloadExcerpt"));
        assertTrue(excerpt.contains("420*************34") && !excerpt.contains(ID_NUMBER), excerpt);
        assertEquals(0L, consumer.effects(person), "nothing was applied");
        // another service's consumer failed on the same event too: its copy is the same dead letter, listed once
        Map<String, String> copyHeaders = new java.util.HashMap<>(headers(eventId));
        copyHeaders.put("dead-letter-reason", "failed elsewhere too");
        TestKafka.send(Topics.deadLetter(Topics.REGISTRATION), person, registered(person), copyHeaders);
        TestKafka.read(Topics.deadLetter(Topics.REGISTRATION), Duration.ofSeconds(10),
                seen -> seen.stream().filter(r -> person.equals(r.key())).count() >= 2);
        assertEquals(1L, list("OPEN").stream().filter(l -> person.equals(l.get("key"))).count(), "one row per event");

        consumer.unblock(person);
        String replay = actionPath(listed, "replay");
        given().header("Authorization", OPS).post(replay).then().statusCode(200)
                .body("state", equalTo("REPLAYED")).body("actedBy", equalTo("ops-li"));
        await().until(() -> consumer.effects(person) == 1);
        // a second replay (a double click, a retry) answers the same and publishes nothing
        given().header("Authorization", OPS).post(replay).then().statusCode(200).body("state", equalTo("REPLAYED"));

        List<ConsumerRecord<String, String>> onTopic = TestKafka.read(Topics.REGISTRATION, Duration.ofSeconds(10),
                seen -> seen.stream().filter(r -> person.equals(r.key())).count() >= 3);
        List<ConsumerRecord<String, String>> copies = onTopic.stream().filter(r -> person.equals(r.key())).toList();
        assertEquals(2, copies.size(), "the original and one replay");
        assertEquals(eventId, TestKafka.header(copies.get(1), CloudEventHeaders.ID), "replayed with its original headers");
        assertNull(TestKafka.header(copies.get(1), "dead-letter-reason"));
        assertEquals(1L, consumer.effects(person), "applied once");

        assertNull(find(list("OPEN"), person), "a replayed record is no longer open");
        assertEquals(1L, audited("dead-letter-replay", listed));
    }

    @Test
    void aParkedRecordKeepsItsNoteAndIsNotListedAsOpenAgain() {
        String person = "p-" + UUID.randomUUID();
        consumer.block(person);
        TestKafka.send(Topics.REGISTRATION, person, registered(person), headers(UUID.randomUUID().toString()));
        Map<String, Object> listed = awaitListed(person, "OPEN");
        String park = actionPath(listed, "park");

        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("note", " "))
                .post(park).then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("note", "drill", "extra", 1))
                .post(park).then().statusCode(400).contentType("application/problem+json").body("detail", containsString("extra"));
        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("note", "test record from the drill"))
                .post(park).then().statusCode(200).body("state", equalTo("PARKED")).body("note", equalTo("test record from the drill"));
        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("note", "test record from the drill"))
                .post(park).then().statusCode(200).body("state", equalTo("PARKED"));
        given().header("Authorization", OPS).contentType(ContentType.JSON).body(Map.of("note", "another story"))
                .post(park).then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", OPS).post(actionPath(listed, "replay")).then().statusCode(409)
                .body("detail", containsString("test record from the drill"));

        assertNull(find(list("OPEN"), person), "a parked record is no longer open");
        assertEquals("ops-li", find(list("PARKED"), person).get("actedBy"));
        assertEquals(1L, audited("dead-letter-park", listed));
        consumer.unblock(person);
        assertEquals(0L, consumer.effects(person), "parking applies nothing");
    }

    @Test
    void onlyOperationsMayListReplayOrParkAndOnlyThisServicesRecords() {
        given().get("/api/v1/ops/dead-letters").then().statusCode(401).contentType("application/problem+json");
        String contributor = TestTokens.bearer("contributor", "P-1");
        given().header("Authorization", contributor).get("/api/v1/ops/dead-letters").then().statusCode(403);
        String somewhere = "/api/v1/ops/dead-letters/" + Topics.deadLetter(Topics.REGISTRATION) + "/0/0/";
        given().header("Authorization", contributor).post(somewhere + "replay").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("auditor", "a-1")).contentType(ContentType.JSON)
                .body(Map.of("note", "x")).post(somewhere + "park").then().statusCode(403);
        given().post(somewhere + "replay").then().statusCode(401);
        // whatever the path holds, who may call is decided first; then a path that names no record is 404
        String junk = "/api/v1/ops/dead-letters/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/" + UUID.randomUUID() + "/";
        given().post(junk + "replay").then().statusCode(401);
        given().header("Authorization", contributor).post(junk + "replay").then().statusCode(403);
        given().header("Authorization", OPS).post(junk + "replay").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", OPS).post("/api/v1/ops/dead-letters/" + Topics.deadLetter(Topics.REGISTRATION)
                + "/99999999999/0/replay").then().statusCode(404);

        given().header("Authorization", OPS).get("/api/v1/ops/dead-letters?state=SOME").then().statusCode(400)
                .contentType("application/problem+json");
        // a topic this service does not consume from, or a record another service's consumer parked
        given().header("Authorization", OPS).post("/api/v1/ops/dead-letters/flexsi.rights.dlq/0/0/replay").then().statusCode(404)
                .contentType("application/problem+json");
        // a record another service's consumer parked: this one applied the same event, its inbox knows it
        String other = "p-" + UUID.randomUUID();
        String applied = UUID.randomUUID().toString();
        TestKafka.send(Topics.REGISTRATION, other, registered(other), headers(applied));
        await().until(() -> consumer.effects(other) == 1);
        Map<String, String> theirHeaders = new java.util.HashMap<>(headers(applied));
        theirHeaders.put("dead-letter-reason", "failed in another service");
        TestKafka.send(Topics.deadLetter(Topics.REGISTRATION), other, registered(other), theirHeaders);
        List<ConsumerRecord<String, String>> parked = TestKafka.read(Topics.deadLetter(Topics.REGISTRATION), Duration.ofSeconds(10),
                seen -> seen.stream().anyMatch(r -> other.equals(r.key())));
        ConsumerRecord<String, String> theirs = parked.stream().filter(r -> other.equals(r.key())).findFirst().orElseThrow();
        assertNull(find(list("ALL"), other), "another service's dead letter is not listed here");
        given().header("Authorization", OPS).post("/api/v1/ops/dead-letters/" + theirs.topic() + "/" + theirs.partition() + "/"
                + theirs.offset() + "/replay").then().statusCode(404);
    }

    private Map<String, Object> awaitListed(String key, String state) {
        return await("a " + state + " dead letter for " + key).pollInterval(Duration.ofMillis(300))
                .until(() -> find(list(state), key), Objects::nonNull);
    }

    private static List<Map<String, Object>> list(String state) {
        return given().header("Authorization", OPS).get("/api/v1/ops/dead-letters?state=" + state)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> find(List<Map<String, Object>> letters, String key) {
        return letters.stream().filter(l -> key.equals(l.get("key"))).findFirst().orElse(null);
    }

    private static String actionPath(Map<String, Object> letter, String action) {
        return "/api/v1/ops/dead-letters/" + letter.get("topic") + "/" + letter.get("partition") + "/" + letter.get("offset") + "/"
                + action;
    }

    private long audited(String action, Map<String, Object> letter) {
        String id = letter.get("topic") + "/" + letter.get("partition") + "/" + letter.get("offset");
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from access_audit where action = ?1 and record_id = ?2 and actor = 'ops-li'")
                .setParameter(1, action).setParameter(2, id).getSingleResult()).longValue());
    }

    private static String registered(String person) {
        return "{\"personId\":\"" + person + "\",\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + ID_NUMBER + "\",\"name\":\"n\","
                + "\"region\":\"420100\",\"registeredAt\":\"2026-01-05T00:00:00Z\"}";
    }

    private static Map<String, String> headers(String id) {
        return Map.of(CloudEventHeaders.ID, id, CloudEventHeaders.TYPE, PersonRegistered.TYPE, CloudEventHeaders.SOURCE, "/test",
                CloudEventHeaders.TIME, Instant.now().toString(), CloudEventHeaders.SPEC_VERSION, "1.0");
    }
}
