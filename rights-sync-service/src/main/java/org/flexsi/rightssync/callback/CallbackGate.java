package org.flexsi.rightssync.callback;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.rightssync.delivery.AgencyClient;
import org.flexsi.rightssync.record.Agency;

/**
 * Admits a callback only when the agency signed it with its secret, within the clock skew, with a
 * nonce not seen before (kept in the database, so every instance refuses a replay).
 */
@ApplicationScoped
public class CallbackGate {
    private final EntityManager em;
    private final AgencyClient agencies;
    private final Clock clock;

    public CallbackGate(EntityManager em, AgencyClient agencies, Clock clock) {
        this.em = em;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void admit(Agency agency, String method, String rawPath, String timestamp, String nonce, String signature,
            byte[] body) {
        if (timestamp == null || nonce == null || signature == null || nonce.isBlank() || nonce.length() > 100) {
            throw refused("missing or malformed signature headers");
        }
        long epochSeconds;
        try {
            epochSeconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw refused(HttpSignature.TIMESTAMP + " must be epoch seconds");
        }
        Instant now = clock.instant();
        if (!HttpSignature.withinSkew(epochSeconds, now)) {
            throw refused("timestamp outside the allowed clock skew");
        }
        if (!HttpSignature.verify(agencies.secret(agency), method, rawPath, epochSeconds, nonce, body, signature)) {
            throw refused("signature does not verify with the " + agency.id() + " key");
        }
        int fresh = em.createNativeQuery("insert into callback_nonce (agency, nonce, seen_at) values (?1, ?2, ?3)"
                + " on conflict do nothing").setParameter(1, agency.name()).setParameter(2, nonce).setParameter(3, now)
                .executeUpdate();
        if (fresh == 0) {
            throw refused("nonce already used");
        }
    }

    /** A nonce older than twice the skew cannot come back: its timestamp would be refused first. */
    @Scheduled(every = "5m")
    @Transactional
    void forgetOldNonces() {
        em.createNativeQuery("delete from callback_nonce where seen_at < ?1")
                .setParameter(1, clock.instant().minus(HttpSignature.MAX_CLOCK_SKEW.multipliedBy(2))).executeUpdate();
    }

    private static ProblemException refused(String detail) {
        return new ProblemException(Problem.of(401, "bad-signature", "Signature refused", detail));
    }
}
