package org.flexsi.payment.signature;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.payment.monitor.PaymentMetrics;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;

/**
 * Admits a request signed by an outside party (a bank, a provider's callback): signature over method,
 * path, timestamp, nonce and body; timestamp within ±5 minutes; each nonce once per party. Anything
 * else is a 401 and nothing is done.
 */
@ApplicationScoped
public class SignedRequests {
    /** Nonces older than twice the allowed skew can never be replayed past the timestamp check. */
    private static final Duration NONCE_MEMORY = HttpSignature.MAX_CLOCK_SKEW.multipliedBy(2);

    private final EntityManager em;
    private final PaymentMetrics metrics;

    public SignedRequests(EntityManager em, PaymentMetrics metrics) {
        this.em = em;
        this.metrics = metrics;
    }

    public void verify(String party, String secret, String method, String rawPath, HttpHeaders headers, byte[] body) {
        try {
            check(party, secret, method, rawPath, headers, body);
        } catch (ProblemException refused) {
            metrics.signatureRefused(party);
            throw refused;
        }
    }

    private void check(String party, String secret, String method, String rawPath, HttpHeaders headers, byte[] body) {
        String timestamp = headers.getHeaderString(HttpSignature.TIMESTAMP);
        String nonce = headers.getHeaderString(HttpSignature.NONCE);
        String signature = headers.getHeaderString(HttpSignature.SIGNATURE);
        if (blank(timestamp) || blank(nonce) || blank(signature) || blank(headers.getHeaderString(HttpSignature.KEY_ID))) {
            throw refused("missing signature headers " + HttpSignature.KEY_ID + ", " + HttpSignature.TIMESTAMP + ", "
                    + HttpSignature.NONCE + ", " + HttpSignature.SIGNATURE);
        }
        if (nonce.length() > 100) {
            throw refused("nonce is longer than 100 characters");
        }
        long epochSeconds;
        try {
            epochSeconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw refused(HttpSignature.TIMESTAMP + " must be epoch seconds");
        }
        if (!HttpSignature.withinSkew(epochSeconds, Instant.now())) {
            throw refused("timestamp is more than " + HttpSignature.MAX_CLOCK_SKEW.toMinutes() + " minutes off");
        }
        if (secret == null || !HttpSignature.verify(secret, method, rawPath, epochSeconds, nonce, body, signature)) {
            throw refused("signature does not verify");
        }
        // claimed in its own transaction: a replay is refused even if the first request's work rolled back
        boolean first = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "insert into seen_nonce (party, nonce, seen_at) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, party).setParameter(2, nonce).setParameter(3, Instant.now()).executeUpdate() == 1);
        if (!first) {
            throw refused("nonce already used");
        }
    }

    public static ProblemException refused(String detail) {
        return new ProblemException(Problem.of(401, "bad-signature", "Signature refused", detail));
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldNonces() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from seen_nonce where seen_at < ?1")
                .setParameter(1, Instant.now().minus(NONCE_MEMORY)).executeUpdate());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
