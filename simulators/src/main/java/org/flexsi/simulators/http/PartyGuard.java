package org.flexsi.simulators.http;

import java.time.Instant;
import java.util.EnumMap;
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
    private final Map<Party, String> secrets = new EnumMap<>(Party.class);
    private final Map<Party, NonceCache> nonces = new EnumMap<>(Party.class);

    public PartyGuard(Faults faults, Map<Party, String> secrets) {
        this.faults = faults;
        for (Party party : Party.values()) {
            this.secrets.put(party, secrets.get(party));
            // a replay older than twice the skew would already fail the timestamp check
            this.nonces.put(party, new NonceCache(NONCES_PER_PARTY, 2 * HttpSignature.MAX_CLOCK_SKEW.toSeconds()));
        }
    }

    public void admitSigned(Party party, Request request) {
        faults.use(party, FaultMode.SLOW).map(Fault::delay).ifPresent(delay -> sleep(delay.toMillis()));
        if (faults.use(party, FaultMode.DOWN).isPresent()) {
            throw Problem.unavailable(party.id() + " is down (injected fault)");
        }
        verify(party, request);
    }

    private void verify(Party party, Request request) {
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
            throw Problem.unauthorized("signature does not verify with the " + party.id() + " key");
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
