package org.flexsi.simulators;

import static org.awaitility.Awaitility.await;
import static org.flexsi.simulators.TestConfig.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.flexsi.simulators.agency.HeldRecord;
import org.flexsi.simulators.agency.RecordStatus;
import org.flexsi.simulators.fault.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgencySimulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Simulators sims;
    private Receiver receiver;
    private SimClient client;

    @BeforeEach
    void start() throws Exception {
        sims = Simulators.start(TestConfig.fast());
        receiver = new Receiver();
        client = new SimClient(sims.baseUrl());
    }

    @AfterEach
    void stop() {
        sims.close();
        receiver.close();
    }

    private static String record(String recordId, String personId) {
        return """
                {"recordId":"%s","kind":"PAYMENT","personId":"%s","idNumber":"42010119900307002X","name":"张三",
                 "region":"420100","insurance":"PENSION","months":["2026-01","2026-02"],"base":"3980.00",
                 "amount":"796.00","paymentReference":"wx-tx-00000001","paidAt":"2026-03-01T08:00:00Z"}"""
                .formatted(recordId, personId);
    }

    private String batch(String... records) {
        return "{\"callbackUrl\":\"" + receiver.url("/rights/callbacks/pension") + "\",\"records\":["
                + String.join(",", records) + "]}";
    }

    private SimClient.Reply send(String body) {
        return client.signed(secret(Party.PENSION), "POST", "/agencies/pension/rights-records", body);
    }

    @Test
    void theDecisionCallbackCarriesTheTraceparentTheRecordCameWith() throws Exception {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        SimClient.Reply sent = client.signedTraced(secret(Party.PENSION), "POST", "/agencies/pension/rights-records",
                batch(record("R-T1", "P-1")), traceparent);
        assertEquals(202, sent.status(), sent.body());
        assertEquals(traceparent, receiver.next(WAIT).headers().getFirst("traceparent"));
    }

    @Test
    void aResentRecordIsReportedAsDuplicateAndCountedOnce() throws Exception {
        SimClient.Reply first = send(batch(record("R-1", "P-1")));
        assertEquals(202, first.status(), first.body());
        assertEquals("R-1", first.json().get("accepted").get(0).asText());
        assertTrue(first.json().get("receiptId").asText().startsWith("RCPT-"));

        Receiver.Received callback = receiver.next(WAIT);
        assertTrue(callback.verifies(secret(Party.PENSION)));
        assertEquals("pension", callback.keyId());
        JsonNode decision = SimClient.json(new String(callback.body()));
        assertEquals("CONFIRMED", decision.get("status").asText());
        assertTrue(decision.get("agencyReference").asText().matches("PEN-\\d{6}"));

        SimClient.Reply replay = send(batch(record("R-1", "P-1"), record("R-2", "P-2")));
        assertEquals(202, replay.status());
        assertEquals("R-2", replay.json().get("accepted").get(0).asText());
        assertEquals(1, replay.json().get("accepted").size());
        assertEquals("R-1", replay.json().get("duplicates").get(0).asText());

        receiver.next(WAIT);
        assertNull(receiver.poll(Duration.ofMillis(200)), "the duplicate is not decided again");

        JsonNode held = client.unsigned("GET", "/agencies/pension/held", null).json();
        assertEquals(2, held.get("count").asInt());
        JsonNode r1 = held.get("records").get(0);
        assertEquals("R-1", r1.get("recordId").asText());
        assertEquals(2, r1.get("timesReceived").asInt());
        assertEquals("796.00", r1.get("amount").asText());

        JsonNode polled = client.signed(secret(Party.PENSION), "GET", "/agencies/pension/rights-records/R-1", null)
                .json();
        assertEquals("CONFIRMED", polled.get("status").asText());
        assertEquals(2, polled.get("timesReceived").asInt());
        assertEquals(decision.get("agencyReference"), polled.get("agencyReference"));
        assertEquals(0, sims.agencies().held(Party.MEDICAL).size(), "pension records stay with pension");
    }

    @Test
    void rejectedPersonGetsARejectedCallbackWithReason() throws Exception {
        sims.faults().inject(Fault.rejectPersons(Party.PENSION, "P-9"));
        send(batch(record("R-9", "P-9")));

        JsonNode decision = SimClient.json(new String(receiver.next(WAIT).body()));
        assertEquals("R-9", decision.get("recordId").asText());
        assertEquals("REJECTED", decision.get("status").asText());
        assertEquals("person not enrolled with this agency", decision.get("reason").asText());
        assertTrue(decision.get("agencyReference").isNull());
        HeldRecord held = sims.agencies().held(Party.PENSION, "R-9").orElseThrow();
        assertEquals(RecordStatus.REJECTED, held.status());
    }

    @Test
    void withoutCallbackUrlTheDecisionIsPolled() throws Exception {
        SimClient.Reply reply = client.signed(secret(Party.MEDICAL), "POST", "/agencies/medical/rights-records",
                "{\"records\":[" + record("R-20", "P-20") + "]}");
        assertEquals(202, reply.status());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(RecordStatus.CONFIRMED,
                sims.agencies().held(Party.MEDICAL, "R-20").orElseThrow().status()));
        assertTrue(sims.agencies().held(Party.MEDICAL, "R-20").orElseThrow().agencyReference().startsWith("MED-"));
        assertNull(receiver.poll(Duration.ofMillis(100)));
    }

    @Test
    void invalidRecordIsRefusedNamingTheFieldAndBooksNothing() {
        SimClient.Reply reply = send(batch(record("R-30", "P-30"), record("R-31", "P-31").replace("796.00", "796")));
        assertEquals(400, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertTrue(reply.json().get("detail").asText().startsWith("records[1].amount"), reply.body());

        SimClient.Reply badMonth = send(batch(record("R-32", "P-32").replace("2026-02", "2026-13")));
        assertTrue(badMonth.json().get("detail").asText().startsWith("records[0].months[1]"), badMonth.body());
        SimClient.Reply noRecords = send("{\"records\":[]}");
        assertTrue(noRecords.json().get("detail").asText().startsWith("records"), noRecords.body());
        SimClient.Reply badKind = send(batch(record("R-33", "P-33").replace("PAYMENT", "GIFT")));
        assertTrue(badKind.json().get("detail").asText().startsWith("records[0].kind"), badKind.body());
        assertEquals(0, sims.agencies().held(Party.PENSION).size());
        assertEquals(404, client.signed(secret(Party.PENSION), "GET", "/agencies/pension/rights-records/R-30", null)
                .status());
        assertEquals(404, client.unsigned("GET", "/agencies/tax/held", null).status());
    }

    @Test
    void downAgencyAnswers503UntilFaultsAreCleared() {
        SimClient.Reply injected = client.unsigned("POST", "/sim/faults", "{\"target\":\"pension\",\"mode\":\"down\"}");
        assertEquals(201, injected.status(), injected.body());
        JsonNode listed = client.unsigned("GET", "/sim/faults", null).json().get("faults");
        assertEquals("pension", listed.get(0).get("target").asText());
        assertTrue(listed.get(0).get("remaining").isNull());

        SimClient.Reply down = send(batch(record("R-40", "P-40")));
        assertEquals(503, down.status());
        assertEquals("application/problem+json", down.contentType());
        assertEquals(202, client.signed(secret(Party.MEDICAL), "POST", "/agencies/medical/rights-records",
                "{\"records\":[" + record("R-41", "P-41") + "]}").status(), "medical is not affected");

        assertEquals(200, client.unsigned("DELETE", "/sim/faults", null).status());
        assertEquals(202, send(batch(record("R-40", "P-40"))).status());
    }

    @Test
    void countedFaultsWearOffAndBadFaultsAreRefused() {
        client.unsigned("POST", "/sim/faults", "{\"target\":\"pension\",\"mode\":\"down\",\"count\":1}");
        assertEquals(503, send(batch(record("R-50", "P-50"))).status());
        assertEquals(202, send(batch(record("R-50", "P-50"))).status());
        assertEquals(0, client.unsigned("GET", "/sim/faults", null).json().get("faults").size());

        assertEquals(400, client.unsigned("POST", "/sim/faults", "{\"target\":\"bank\",\"mode\":\"down\"}").status());
        assertEquals(400, client.unsigned("POST", "/sim/faults", "{\"target\":\"pension\",\"mode\":\"melt\"}").status());
        assertEquals(400, client.unsigned("POST", "/sim/faults", "{\"target\":\"wechat\",\"mode\":\"reject-persons\","
                + "\"persons\":[\"P-1\"]}").status());
        assertEquals(400, client.unsigned("POST", "/sim/faults", "{\"target\":\"wechat\",\"mode\":\"slow\"}").status());
        assertEquals(400, client.unsigned("POST", "/sim/faults", "{\"target\":\"wechat\",\"mode\":\"down\",\"count\":0}")
                .status());
    }

    @Test
    void slowAgencyAnswersLate() {
        client.unsigned("POST", "/sim/faults", "{\"target\":\"pension\",\"mode\":\"slow\",\"delayMs\":300,\"count\":1}");
        long start = System.nanoTime();
        assertEquals(202, send(batch(record("R-60", "P-60"))).status());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300);
    }
}
