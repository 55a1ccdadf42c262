package org.flexsi.certificate.verify;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flexsi.certificate.config.CertificateConfig;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;

/**
 * Limits guessing of verification codes: a certificate number, and a client, get a few wrong codes per window.
 * Kept per instance in memory: an attacker spread over instances still gains little against 32^8 codes.
 */
@ApplicationScoped
public class CodeAttempts {
    /** A client may try many certificates (a bank checking a stack of them), so it gets a larger allowance. */
    private static final int CLIENT_FACTOR = 10;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final int maxAttempts;
    private final Duration window;

    public CodeAttempts(CertificateConfig config) {
        this.maxAttempts = config.maxCodeAttempts();
        this.window = Duration.ofMinutes(config.codeAttemptWindowMinutes());
    }

    /** 429 if this number or client has used up its wrong attempts. */
    public void checkAllowed(String number, String client) {
        if (recent("n:" + number) >= maxAttempts || recent("c:" + client) >= maxAttempts * CLIENT_FACTOR) {
            throw new ProblemException(Problem.of(429, "too-many-attempts", "Too many attempts",
                    "too many wrong verification codes; try again later").with("retryAfter", window.toSeconds()));
        }
    }

    public void failed(String number, String client) {
        Instant now = Instant.now();
        for (String key : new String[] {"n:" + number, "c:" + client}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    private int recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            Instant since = Instant.now().minus(window);
            while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
                times.removeFirst();
            }
            return times.size();
        }
    }
}
