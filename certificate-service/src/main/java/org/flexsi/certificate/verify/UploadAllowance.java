package org.flexsi.certificate.verify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.flexsi.certificate.config.CertificateConfig;

/**
 * How many PDFs one client may have checked per minute: each check parses a file and verifies a signature, so a client
 * sending files without end would take the service's CPU from everyone else. The API and the check page's upload form
 * share it. Kept per instance in memory, as {@link CodeAttempts} is.
 */
@ApplicationScoped
public class UploadAllowance {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Window> byClient = new ConcurrentHashMap<>();
    private final int perMinute;
    private final Clock clock;

    @Inject
    public UploadAllowance(CertificateConfig config, Clock clock) {
        this(config.uploadsPerMinute(), clock);
    }

    UploadAllowance(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one check for the client; returns 0 when it may go ahead, else the seconds until it may. */
    public long take(String client) {
        Instant now = clock.instant();
        if (byClient.size() > MAX_TRACKED) {
            byClient.values().removeIf(w -> !w.covers(now));
        }
        return byClient.computeIfAbsent(client, c -> new Window()).take(now, perMinute);
    }

    /** One client's current minute: when it started and how many checks it holds. */
    private static final class Window {
        private Instant start = Instant.EPOCH;
        private int used;

        synchronized long take(Instant now, int limit) {
            if (!covers(now)) {
                // a fresh minute (or a clock moved back in a test): the count starts again
                start = now;
                used = 0;
            }
            if (used >= limit) {
                return Math.max(1, Duration.between(now, start.plus(WINDOW)).toSeconds());
            }
            used++;
            return 0;
        }

        synchronized boolean covers(Instant now) {
            return !now.isBefore(start) && now.isBefore(start.plus(WINDOW));
        }
    }
}
