package org.flexsi.certificate.verify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flexsi.certificate.config.CertificateConfig;

/**
 * Slows down guessing of verification codes, per certificate number and per client, without ever standing between the
 * holder of the right code and his certificate: only wrong guesses are counted and only wrong guesses are made to wait.
 * A number or client gets a few wrong guesses per window for free; after that each further wrong guess it makes pushes
 * its next allowed guess out by a growing delay (1 s, 2 s, 4 s, ... up to the window), and a wrong guess before then is
 * answered 429 with the wait. Nobody can lock a certificate for its holder (certificate numbers are predictable), and a
 * flood of bad guesses behind one proxy address does not stop the correct codes that come through the same address.
 * Against enumeration what protects a certificate is the code space (32^8 codes). Kept per instance in memory.
 */
@ApplicationScoped
public class CodeAttempts {
    /** A client may check many certificates (a bank checking a stack of them), so it gets a larger allowance. */
    static final int CLIENT_FACTOR = 10;
    /** Beyond this many tracked numbers and clients, those whose wrong guesses have all left the window are forgotten. */
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Guesses> byKey = new ConcurrentHashMap<>();
    private final int freeGuesses;
    private final Duration window;
    private final Clock clock;

    @Inject
    public CodeAttempts(CertificateConfig config, Clock clock) {
        this(config.maxCodeAttempts(), Duration.ofMinutes(config.codeAttemptWindowMinutes()), clock);
    }

    CodeAttempts(int freeGuesses, Duration window, Clock clock) {
        this.freeGuesses = freeGuesses;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds a wrong guess for this number from this client must still wait; 0 when it may be checked now. */
    public long waitSeconds(String number, String client) {
        Instant now = clock.instant();
        return Math.max(wait("n:" + number, now), wait("c:" + client, now));
    }

    /** Counts a wrong guess against the number and the client. */
    public void failed(String number, String client) {
        Instant now = clock.instant();
        if (byKey.size() > MAX_TRACKED) {
            byKey.entrySet().removeIf(e -> e.getValue().idleSince(now.minus(window)));
        }
        byKey.computeIfAbsent("n:" + number, k -> new Guesses(freeGuesses)).wrong(now, window);
        byKey.computeIfAbsent("c:" + client, k -> new Guesses(freeGuesses * CLIENT_FACTOR)).wrong(now, window);
    }

    private long wait(String key, Instant now) {
        Guesses guesses = byKey.get(key);
        return guesses == null ? 0 : guesses.waitSeconds(now);
    }

    /** The wrong guesses of one number or client within the window, and when it may guess next. */
    static final class Guesses {
        private final int free;
        private final Deque<Instant> wrong = new ArrayDeque<>();
        private Instant nextAllowed = Instant.EPOCH;

        Guesses(int free) {
            this.free = free;
        }

        synchronized void wrong(Instant now, Duration window) {
            forgetBefore(now.minus(window));
            wrong.addLast(now);
            int beyond = wrong.size() - free;
            if (beyond > 0) {
                long seconds = Math.min(1L << Math.min(beyond - 1, 30), window.toSeconds());
                nextAllowed = now.plusSeconds(seconds);
            }
        }

        synchronized long waitSeconds(Instant now) {
            if (!now.isBefore(nextAllowed)) {
                return 0;
            }
            long millis = Duration.between(now, nextAllowed).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }

        /** No wrong guess since {@code since}; the wait after the last one (at most a window) is then over too. */
        synchronized boolean idleSince(Instant since) {
            forgetBefore(since);
            return wrong.isEmpty();
        }

        private void forgetBefore(Instant since) {
            while (!wrong.isEmpty() && wrong.peekFirst().isBefore(since)) {
                wrong.removeFirst();
            }
        }
    }
}
