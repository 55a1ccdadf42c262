package org.flexsi.simulators.callback;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.fault.Fault;
import org.flexsi.simulators.fault.FaultMode;
import org.flexsi.simulators.fault.Faults;
import org.flexsi.simulators.http.Json;

/**
 * Delivers signed callbacks from a party to flexsi, asynchronously, retrying with backoff until the
 * receiver answers 2xx. Every attempt is signed afresh (new timestamp and nonce), as a real provider
 * would, so a receiver's replay protection never rejects a retry.
 */
public final class CallbackSender {
    private static final System.Logger LOG = System.getLogger(CallbackSender.class.getName());
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final int LOG_CAPACITY = 10_000;
    /** Like a real party's notifier, a bounded number of callbacks in flight: a slow receiver is queued for, not flooded. */
    private static final int MAX_IN_FLIGHT = 64;
    private static final long WAIT_FOR_SLOT_MILLIS = 20;
    /** How often a callback goes out under a duplicate-callbacks fault. */
    public static final int DUPLICATES = 10;

    private final Map<Party, String> secrets;
    private final Faults faults;
    private final RetryPolicy policy;
    private final ScheduledExecutorService scheduler;
    private final HttpClient client;
    private final Deque<CallbackAttempt> attempts = new ArrayDeque<>();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    /**
     * @param scheduler runs attempts and waits between them; owned by the caller
     * @param httpExecutor the HTTP client's worker pool; owned by the caller
     */
    public CallbackSender(Map<Party, String> secrets, Faults faults, RetryPolicy policy,
            ScheduledExecutorService scheduler, ExecutorService httpExecutor) {
        this.secrets = Map.copyOf(secrets);
        this.faults = faults;
        this.policy = policy;
        this.scheduler = scheduler;
        this.client = HttpClient.newBuilder()
                .executor(httpExecutor)
                .connectTimeout(REQUEST_TIMEOUT)
                .build();
    }

    /** W3C trace context header: a callback names the trace of the request it answers, so flexsi continues it. */
    public static final String TRACEPARENT = "traceparent";

    /** Queues the callback and returns at once. */
    public void send(Party from, String reference, URI url, Object payload) {
        send(from, reference, url, payload, null);
    }

    /**
     * Queues the callback and returns at once; {@code traceparent} (the one the request it answers came with, or
     * null) is sent back as the {@code traceparent} header of every attempt, as a traced provider's notifier does.
     */
    public void send(Party from, String reference, URI url, Object payload, String traceparent) {
        send(from, reference, url, payload, traceparent, Duration.ZERO);
    }

    /** As above, the first attempt only after {@code after}. */
    public void send(Party from, String reference, URI url, Object payload, String traceparent, Duration after) {
        Delivery delivery = new Delivery(from, reference, url, Json.write(payload), traceparent);
        if (faults.use(from, FaultMode.DROP_CALLBACKS).isPresent()) {
            record(delivery, 0, CallbackAttempt.Outcome.DROPPED, null);
            return;
        }
        Duration first = faults.use(from, FaultMode.DELAY_CALLBACKS).map(Fault::delay).filter(d -> d.compareTo(after) > 0)
                .orElse(after);
        int copies = faults.use(from, FaultMode.DUPLICATE_CALLBACKS).isPresent() ? DUPLICATES : 1;
        for (int i = 0; i < copies; i++) {
            schedule(delivery, 1, first);
        }
    }

    /** The most recent attempts, oldest first. */
    public List<CallbackAttempt> attempts() {
        synchronized (attempts) {
            return new ArrayList<>(attempts);
        }
    }

    private void schedule(Delivery delivery, int attempt, Duration delay) {
        scheduleIn(delivery, attempt, delay.toMillis());
    }

    private void scheduleIn(Delivery delivery, int attempt, long millis) {
        try {
            scheduler.schedule(() -> attempt(delivery, attempt), millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the simulators are closing; an undelivered callback is exactly what a crash would leave
            LOG.log(Level.DEBUG, "callback to " + delivery.url + " abandoned at shutdown");
        }
    }

    private void attempt(Delivery delivery, int attempt) {
        if (!inFlight.tryAcquire()) {
            // waiting for a slot is not an attempt: try the same attempt again shortly
            scheduleIn(delivery, attempt, WAIT_FOR_SLOT_MILLIS);
            return;
        }
        try {
            send(delivery, attempt);
        } catch (RuntimeException e) {
            inFlight.release();
            LOG.log(Level.WARNING, "callback to " + delivery.url + " could not be sent: " + e);
            failed(delivery, attempt, CallbackAttempt.Outcome.UNREACHABLE, null);
        }
    }

    /** One attempt, holding a slot that is given back when the answer (or the injected failure) is in. */
    private void send(Delivery delivery, int attempt) {
        if (faults.use(delivery.from, FaultMode.FAIL_CALLBACKS).isPresent()) {
            inFlight.release();
            failed(delivery, attempt, CallbackAttempt.Outcome.INJECTED_FAILURE, null);
            return;
        }
        String secret = secrets.get(delivery.from);
        if (faults.use(delivery.from, FaultMode.BAD_SIGNATURE).isPresent()) {
            secret = secret + "-not-the-shared-secret";
        }
        long now = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        String path = delivery.url.getRawPath() == null || delivery.url.getRawPath().isEmpty()
                ? "/" : delivery.url.getRawPath();
        HttpRequest.Builder builder = HttpRequest.newBuilder(delivery.url);
        if (delivery.traceparent != null) {
            builder.header(TRACEPARENT, delivery.traceparent);
        }
        HttpRequest request = builder
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(HttpSignature.KEY_ID, delivery.from.id())
                .header(HttpSignature.TIMESTAMP, Long.toString(now))
                .header(HttpSignature.NONCE, nonce)
                .header(HttpSignature.SIGNATURE, HttpSignature.sign(secret, "POST", path, now, nonce, delivery.body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            inFlight.release();
            if (error != null) {
                failed(delivery, attempt, CallbackAttempt.Outcome.UNREACHABLE, null);
            } else if (response.statusCode() / 100 == 2) {
                record(delivery, attempt, CallbackAttempt.Outcome.DELIVERED, response.statusCode());
            } else {
                failed(delivery, attempt, CallbackAttempt.Outcome.REFUSED, response.statusCode());
            }
        });
    }

    private void failed(Delivery delivery, int attempt, CallbackAttempt.Outcome outcome, Integer status) {
        record(delivery, attempt, outcome, status);
        if (attempt >= policy.maxAttempts()) {
            record(delivery, attempt, CallbackAttempt.Outcome.GAVE_UP, status);
            LOG.log(Level.WARNING, delivery.from.id() + " gave up the callback for " + delivery.reference
                    + " to " + delivery.url + " after " + attempt + " attempts");
            return;
        }
        schedule(delivery, attempt + 1, policy.delayAfter(attempt));
    }

    private void record(Delivery delivery, int attempt, CallbackAttempt.Outcome outcome, Integer status) {
        LOG.log(Level.DEBUG, () -> delivery.from.id() + " callback " + delivery.reference + " attempt " + attempt
                + ": " + outcome + (status == null ? "" : " " + status));
        CallbackAttempt entry = new CallbackAttempt(delivery.from, delivery.reference, delivery.url.toString(),
                attempt, outcome, status, Instant.now());
        synchronized (attempts) {
            if (attempts.size() == LOG_CAPACITY) {
                attempts.removeFirst();
            }
            attempts.addLast(entry);
        }
    }

    private record Delivery(Party from, String reference, URI url, byte[] body, String traceparent) {
    }
}
