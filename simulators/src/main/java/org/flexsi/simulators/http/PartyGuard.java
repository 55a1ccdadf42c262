package org.flexsi.simulators.http;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.fault.Fault;
import org.flexsi.simulators.fault.FaultMode;
import org.flexsi.simulators.fault.Faults;

/**
 * The front door of every signed endpoint: applies the party's injected slow/down faults, then checks
 * the flexsi HTTP signature with the party's secret, the clock skew and nonce reuse. The key id is
 * required but does not choose the secret: each party shares exactly one secret with flexsi.
 */
public final class PartyGuard {
    private static final int NONCES_PER_PARTY = 100_000;

    private final Faults faults;
    /** By party id or bank id: parties and banks share one namespace (bank ids never name a party). */
    private final Map<String, String> secrets = new HashMap<>();
    private final Map<String, NonceCache> nonces = new HashMap<>();

    public PartyGuard(Faults faults, Map<Party, String> secrets, Map<String, String> bankSecrets) {
        this.faults = faults;
        for (Party party : Party.values()) {
            this.secrets.put(party.id(), secrets.get(party));
        }
        this.secrets.putAll(bankSecrets);
        // a replay older than twice the skew would already fail the timestamp check
        this.secrets.keySet().forEach(id -> nonces.put(id,
                new NonceCache(NONCES_PER_PARTY, 2 * HttpSignature.MAX_CLOCK_SKEW.toSeconds())));
    }

    public void admitSigned(Party party, Request request) {
        admitSigned(party.id(), request);
    }

    /** For a party or a configured bank, by id; the caller has checked that the id is known. */
    public void admitSigned(String id, Request request) {
        faults.use(id, FaultMode.SLOW, f -> true).map(Fault::delay).ifPresent(delay -> sleep(delay.toMillis()));
        if (faults.use(id, FaultMode.DOWN, f -> true).isPresent()) {
            throw Problem.unavailable(id + " is down (injected fault)");
        }
        verify(id, request);
    }

    private void verify(String party, Request request) {
        String keyId = request.header(HttpSignature.KEY_ID);
        String timestamp = request.header(HttpSignature.TIMESTAMP);
        String nonce = request.header(HttpSignature.NONCE);
        String signature = request.header(HttpSignature.SIGNATURE);
        if (blank(keyId) || blank(timestamp) || blank(nonce) || blank(signature)) {
            throw Problem.unauthorized("missing signature headers " + HttpSignature.KEY_ID + ", "
                    + HttpSignature.TIMESTAMP + ", " + HttpSignature.NONCE + ", " + HttpSignature.SIGNATURE);
        }
        long epochSeconds;
        try {
            epochSeconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw Problem.unauthorized(HttpSignature.TIMESTAMP + " must be epoch seconds");
        }
        Instant now = Instant.now();
        if (!HttpSignature.withinSkew(epochSeconds, now)) {
            throw Problem.unauthorized("timestamp outside the allowed clock skew of "
                    + HttpSignature.MAX_CLOCK_SKEW.toMinutes() + " minutes");
        }
        if (!HttpSignature.verify(secrets.get(party), request.method(), request.rawPath(), epochSeconds, nonce,
                request.body(), signature)) {
            throw Problem.unauthorized("signature does not verify with the " + party + " key");
        }
        // only a verified request may claim a nonce, or anyone could burn nonces for others
        if (!nonces.get(party).firstUse(nonce, now.getEpochSecond())) {
            throw Problem.unauthorized("nonce already used");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problem.unavailable("interrupted while simulating a slow party");
        }
    }
}
