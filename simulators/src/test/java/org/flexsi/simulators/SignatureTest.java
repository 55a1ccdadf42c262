package org.flexsi.simulators;

import static org.flexsi.simulators.TestConfig.secret;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;
import org.flexsi.contracts.signing.HttpSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignatureTest {
    private static final String STATUS = "/providers/wechat/orders/by-merchant/unknown";

    private static Simulators sims;
    private static SimClient client;

    @BeforeAll
    static void start() {
        sims = Simulators.start(TestConfig.fast());
        client = new SimClient(sims.baseUrl());
    }

    @AfterAll
    static void stop() {
        sims.close();
    }

    @Test
    void rightSecretGetsThrough() {
        // 404, not 401: the signature was accepted and the order simply does not exist
        assertEquals(404, client.signed(secret(Party.WECHAT), "GET", STATUS, null).status());
    }

    @Test
    void wrongSecretIsRefused() {
        SimClient.Reply reply = client.signed("not-the-secret", "GET", STATUS, null);
        assertEquals(401, reply.status());
        assertEquals("application/problem+json", reply.contentType());
        assertEquals(401, reply.json().get("status").asInt());
    }

    @Test
    void missingSignatureIsRefused() {
        assertEquals(401, client.unsigned("GET", STATUS, null).status());
        assertEquals(401, client.unsigned("GET", "/agencies/pension/rights-records/r-1", null).status());
    }

    @Test
    void replayedNonceIsRefused() {
        long now = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        assertEquals(404, client.signed(secret(Party.WECHAT), "GET", STATUS, null, now, nonce).status());
        assertEquals(401, client.signed(secret(Party.WECHAT), "GET", STATUS, null, now, nonce).status());
    }

    @Test
    void staleOrFutureTimestampIsRefused() {
        long skew = HttpSignature.MAX_CLOCK_SKEW.toSeconds();
        long now = Instant.now().getEpochSecond();
        assertEquals(401, client.signed(secret(Party.WECHAT), "GET", STATUS, null, now - skew - 60, "n-old").status());
        assertEquals(401, client.signed(secret(Party.WECHAT), "GET", STATUS, null, now + skew + 60, "n-new").status());
    }

    @Test
    void tamperedBodyIsRefused() {
        String body = "{\"merchantOrderId\":\"T-1\",\"amount\":\"1.00\",\"description\":\"d\","
                + "\"notifyUrl\":\"http://127.0.0.1:1/cb\"}";
        long now = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        String signature = HttpSignature.sign(secret(Party.WECHAT), "POST", "/providers/wechat/orders", now, nonce,
                body.getBytes());
        SimClient.Reply reply = client.withSignature("POST", "/providers/wechat/orders",
                body.replace("1.00", "0.01"), now, nonce, signature);
        assertEquals(401, reply.status());
    }
}
