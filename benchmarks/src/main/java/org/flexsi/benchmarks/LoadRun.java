package org.flexsi.benchmarks;

import org.flexsi.deploy.client.Http;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of payments: each takes a prepared payer, creates a WeChat order for his assessment
 * (contributor token, Idempotency-Key) and pays it at the provider simulator, which calls
 * payment-service back. Either closed loop (payers back to back) or open loop (a fixed rate).
 */
final class LoadRun {
    private final Stack stack;
    private final EventWatch watch;
    private final Queue<Population.Payer> payers;
    final String name;
    final Samples createOrder = new Samples();
    final Samples orderToSucceeded = new Samples();
    final Samples confirmationLag = new Samples();
    final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<String> paymentIds = new CopyOnWriteArrayList<>();
    private long started;
    private long lastSucceeded;
    int succeeded;
    int confirmed;
    double elapsedSeconds;
    boolean ranOutOfPayers;

    LoadRun(String name, Stack stack, EventWatch watch, Queue<Population.Payer> payers) {
        this.name = name;
        this.stack = stack;
        this.watch = watch;
        this.payers = payers;
    }

    /** {@code concurrency} payers paying back to back for {@code length}. */
    void closedLoop(int concurrency, Duration length) {
        started = System.nanoTime();
        long end = started + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end && payOne()) {
                    // next payer
                }
            });
        }
        finish(pool, length);
    }

    /** One payment started every 1/rate seconds for {@code length}, however long the earlier ones take. */
    void openLoop(double rate, Duration length) {
        started = System.nanoTime();
        long interval = Math.round(1e9 / rate);
        long count = Math.max(1, Math.round(rate * length.toSeconds()));
        ExecutorService pool = Executors.newCachedThreadPool();
        for (long i = 0; i < count; i++) {
            long due = started + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Population.sleep(TimeUnit.NANOSECONDS.toMillis(wait), (int) (wait % 1_000_000));
            }
            if (payers.isEmpty()) {
                ranOutOfPayers = true;
                break;
            }
            pool.submit(this::payOne);
        }
        finish(pool, length);
    }

    private boolean payOne() {
        Population.Payer payer = payers.poll();
        if (payer == null) {
            ranOutOfPayers = true;
            return false;
        }
        try {
            long sent = System.nanoTime();
            Http.Answer order = stack.post(stack.url("payment") + "/api/v1/payments", payer.token(),
                    Map.of("assessmentSerial", payer.assessmentSerial(), "channel", "WECHAT"), UUID.randomUUID().toString());
            long answered = System.nanoTime();
            if (order.status() != 201) {
                error("create-order " + order.status());
                return true;
            }
            createOrder.add(answered - sent);
            String paymentId = order.body().path("paymentId").asText();
            watch.track(paymentId, sent);
            paymentIds.add(paymentId);
            Http.Answer paid = stack.post(order.body().path("payUrl").asText(), null, "{\"outcome\":\"SUCCESS\"}");
            if (paid.status() != 200) {
                error("provider pay " + paid.status());
            }
        } catch (RuntimeException e) {
            error(e.getClass().getSimpleName());
        }
        return true;
    }

    private void error(String what) {
        errors.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private static void finish(ExecutorService pool, Duration length) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(length.toSeconds() + 120, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code drain} for every payment's succeeded and confirmed events, then takes the figures. */
    void drain(Duration drain) {
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline && !paymentIds.stream().allMatch(id -> watch.get(id).confirmed != 0)) {
            Population.sleep(100);
        }
        for (String id : paymentIds) {
            EventWatch.Tracked t = watch.get(id);
            if (t.succeeded != 0) {
                succeeded++;
                lastSucceeded = Math.max(lastSucceeded, t.succeeded);
                orderToSucceeded.add(t.succeeded - t.orderSent);
                if (t.confirmed != 0) {
                    confirmed++;
                    confirmationLag.add(t.confirmed - t.succeeded);
                }
            }
        }
        // nothing succeeded (no payer had a person left): no span to speak of
        elapsedSeconds = lastSucceeded == 0 ? 0 : (lastSucceeded - started) / 1e9;
    }

    int ordered() {
        return paymentIds.size();
    }

    /** Payments fully processed (succeeded event seen) per second, from the first order to the last such event. */
    double paymentsPerSecond() {
        return succeeded == 0 || elapsedSeconds <= 0 ? 0 : succeeded / elapsedSeconds;
    }

    String errorSummary() {
        return errors.isEmpty() ? "none" : new TreeMap<>(errors).toString();
    }
}
