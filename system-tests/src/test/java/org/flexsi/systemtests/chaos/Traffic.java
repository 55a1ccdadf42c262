package org.flexsi.systemtests.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.flexsi.contracts.signing.HttpSignature;
import org.flexsi.deploy.Stack;
import org.flexsi.deploy.client.Http;
import org.flexsi.deploy.client.ResidentIds;
import org.flexsi.platform.time.BusinessTime;

/**
 * Continuous mixed traffic, as the outside callers make it: Jinan and Weifang persons registered by their pension
 * agency, assessed, and paid online on each of the three providers, at the bank counter (the campaign plays the
 * bank, signing as it), by a proxy payer the person confirmed, or paid online and then refunded after the agency's
 * review. Every call retries with the
 * same idempotency key (or bank transaction id) until it gets its answer, as a real caller must across outages.
 */
final class Traffic implements AutoCloseable {
    /** What a walk did: the money taken, and where it should end. */
    record Walk(int n, String kind, String region, String personId, String paymentId, String amount, String refundId,
            String bankTransactionId, Instant startedAt, Instant finishedAt, String failure) {
        String channel() {
            return Traffic.channel(kind);
        }
    }

    /** How the campaign, playing the bank, misbehaves on the next counter payment. */
    enum BankMisbehaviour {
        NONE, STALE_TIMESTAMP, REUSED_NONCE
    }

    private record Region(String code, String district, String agency, String base) {
    }

    private record Person(String personId, String idNumber, String name) {
    }

    private static final List<Region> REGIONS = List.of(new Region("370100", "370102", "jinan-pension", "5000.00"),
            new Region("370700", "370702", "weifang-pension", "3980.00"));
    private static final List<String> KINDS = List.of("WECHAT", "ALIPAY", "BANK", "UNIONPAY", "REFUND", "PROXY");
    static final String BANK = "icbc";
    private static final Duration PATIENCE = Duration.ofMinutes(6);
    private static final HttpClient SIGNED = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Stack stack;
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Collection<Walk> walks = new ConcurrentLinkedQueue<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final Collection<String> serverErrors = new ConcurrentLinkedQueue<>();
    private final Collection<String> bankMisbehaviourAccepted = new ConcurrentLinkedQueue<>();
    private final ExecutorService walkers;
    /** Each walk holds it shared, a clock jump alone; fair, so that a waiting jump keeps new walks from starting. */
    private final ReentrantReadWriteLock clockJumps = new ReentrantReadWriteLock(true);
    /** Persons of working age (R2) whatever the year; the campaign's databases are fresh, so ids never collide. */
    private static final LocalDate FIRST_BIRTH_DAY = LocalDate.of(1985, 1, 1);
    private volatile BankMisbehaviour bankMisbehaviour = BankMisbehaviour.NONE;
    private volatile String lastNonce = UUID.randomUUID().toString();
    /** Persons still to be rejected at the agency: the next ones registered. */
    private final AtomicInteger rejectionsToMark = new AtomicInteger();
    private final AtomicInteger rejectedPersons = new AtomicInteger();

    Traffic(Stack stack, int threads) {
        this.stack = stack;
        this.walkers = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            walkers.execute(() -> {
                while (running.get()) {
                    clockJumps.readLock().lock();
                    try {
                        walk(counter.getAndIncrement());
                    } finally {
                        clockJumps.readLock().unlock();
                    }
                }
            });
        }
    }

    /**
     * Runs {@code change} once the walks under way have finished, starting no new one meanwhile: the services' clocks
     * jumping days ahead would otherwise expire the assessments of walks caught in the middle, which no real payer
     * meets (he pays the assessment he has just made).
     */
    void betweenWalks(Runnable change) {
        try {
            if (!clockJumps.writeLock().tryLock(PATIENCE.toMinutes() + 1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the walks under way did not finish within " + PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            change.run();
        } finally {
            clockJumps.writeLock().unlock();
        }
    }

    void bankMisbehaviour(BankMisbehaviour mode) {
        bankMisbehaviour = mode;
    }

    /** The pension agency rejects the first record of each of the next {@code persons} registered (a burst). */
    void agencyRejects(int persons) {
        rejectionsToMark.set(persons);
    }

    /** Persons whose first record the agency was told to reject. */
    int rejectedPersons() {
        return rejectedPersons.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    List<Walk> walks() {
        return List.copyOf(walks);
    }

    /** Answers 5xx other than 503 (the services' "retry later" while a dependency is down), with what was called. */
    List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }

    Map<Integer, AtomicLong> statuses() {
        return Map.copyOf(statuses);
    }

    /** Counter payments the services accepted although the bank's request was stale or replayed (must be none). */
    List<String> bankMisbehaviourAccepted() {
        return List.copyOf(bankMisbehaviourAccepted);
    }

    /** Stops starting walks and waits for those under way. */
    @Override
    public void close() {
        running.set(false);
        walkers.shutdown();
        try {
            walkers.awaitTermination(PATIENCE.toMinutes() + 1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void walk(int n) {
        String kind = KINDS.get(n % KINDS.size());
        Region region = REGIONS.get(n / KINDS.size() % REGIONS.size());
        Instant started = Instant.now();
        inFlight.incrementAndGet();
        String personId = null;
        String paymentId = null;
        String amount = null;
        String refundId = null;
        String bankTransactionId = null;
        try {
            Person person = register(n, region);
            personId = person.personId();
            if (rejectionsToMark.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                rejectAtTheAgency(personId);
            }
            String contributor = stack.token("contributor", personId);
            // a proxy payer asks, the person confirms, and from then on the proxy assesses and pays for him
            String payer = kind.equals("PROXY") ? proxyFor(n, person, contributor) : contributor;
            JsonNode assessment = assess(personId, payer, region);
            String serial = assessment.path("serialNumber").asText();
            amount = assessment.path("total").asText();
            if (kind.equals("BANK")) {
                bankTransactionId = "icbc-chaos-" + UUID.randomUUID();
                paymentId = payAtTheCounter(serial, bankTransactionId, amount);
            } else {
                paymentId = payOnline(payer, serial, channel(kind));
            }
            String id = paymentId;
            await(() -> Http.get(stack.url("payment") + "/api/v1/payments/" + id, contributor),
                    a -> a.status() == 200 && "PAID".equals(a.body().path("status").asText()), "payment " + id + " PAID");
            if (kind.equals("REFUND")) {
                refundId = refund(n, contributor, region, paymentId, amount);
            }
            walks.add(new Walk(n, kind, region.code(), personId, paymentId, amount, refundId, bankTransactionId,
                    started, Instant.now(), null));
        } catch (RuntimeException | AssertionError e) {
            walks.add(new Walk(n, kind, region.code(), personId, paymentId, amount, refundId, bankTransactionId,
                    started, null, e.getMessage()));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * A month's batch debit at the bank, for {@code persons} new contributors with a debit agreement: ops make the
     * batch, payment-service sends it and books the result file the bank answers; then the bank hands the same result
     * file in a second time, which must book nothing. Returns what the second hand-in was answered, for the campaign.
     */
    String batchDebit(int persons) {
        Region region = REGIONS.get(0);
        Instant started = Instant.now();
        record Owed(int n, String personId, String amount) {
        }
        List<Owed> debited = new java.util.ArrayList<>();
        for (int i = 0; i < persons; i++) {
            int n = counter.getAndIncrement();
            Person person = register(n, region);
            String contributor = stack.token("contributor", person.personId());
            Map<String, Object> agreement = Map.of("bankId", BANK, "accountNumber", String.format("62220299%010d", n),
                    "accountName", person.name());
            String key = UUID.randomUUID().toString();
            await(() -> Http.post(stack.url("payment") + "/api/v1/debit-agreements", contributor, agreement, key),
                    a -> a.status() == 200 || a.status() == 201, "debit agreement of " + person.personId());
            JsonNode assessment = assess(person.personId(), contributor, region);
            // the batch takes the assessments payment-service knows when it is made: wait until the bank sees it owed
            String owed = Http.JSON.createObjectNode().put("idNumber", person.idNumber()).put("name", person.name()).toString();
            String serial = assessment.path("serialNumber").asText();
            await(() -> bankCall("POST", "/api/v1/bank/owed-queries", owed, 0, UUID.randomUUID().toString()),
                    a -> a.status() == 200 && a.raw().contains(serial), "assessment " + serial + " owed at the bank");
            debited.add(new Owed(n, person.personId(), assessment.path("total").asText()));
        }
        String ops = stack.token("ops", "chaos-operator");
        String month = YearMonth.from(BusinessTime.dateOf(Instant.parse(Http.get(stack.url("payment") + "/q/flexsi/clock", ops)
                .body().path("now").asText()))).toString();
        String batchKey = UUID.randomUUID().toString();
        String batchId = await(() -> Http.post(stack.url("payment") + "/api/v1/ops/debit-batches", ops,
                Map.of("bankId", BANK, "month", month), batchKey), a -> a.status() == 201, "debit batch of " + month).body()
                .path("batchId").asText();
        await(() -> Http.get(stack.url("payment") + "/api/v1/ops/debit-batches?bankId=" + BANK, ops),
                a -> a.status() == 200 && a.raw().contains(batchId) && a.raw().contains("\"SENT\""), "debit batch " + batchId + " sent");
        for (Owed owed : debited) {
            String contributor = stack.token("contributor", owed.personId());
            JsonNode paid = await(() -> Http.get(stack.url("payment") + "/api/v1/payments?personId=" + owed.personId(),
                    contributor), a -> a.status() == 200 && a.raw().contains("\"PAID\""), "debit of " + owed.personId()).body();
            walks.add(new Walk(owed.n(), "DEBIT", region.code(), owed.personId(), paid.path(0).path("paymentId").asText(),
                    owed.amount(), null, null, started, Instant.now(), null));
        }
        // the bank's second hand-in of the same result file: the file fetched again, debited again by the bank's own
        // systems (which debit no line twice), and handed in
        String file = bankCall("GET", "/api/v1/bank/debit-batches/" + batchId + "/file", "", 0, UUID.randomUUID().toString()).raw();
        String result = bankDebits(file);
        return bankCall("POST", "/api/v1/bank/debit-results", result, 0, UUID.randomUUID().toString()).toString();
    }

    /** The bank's own systems debit the accounts of a debit file and answer its result file (as payment-service calls them). */
    private String bankDebits(String file) {
        HttpRequest request = signed(stack.url("simulators"), "POST", "/banks/" + BANK + "/debit-files", file,
                "text/plain; charset=utf-8", "flexsi", 0, UUID.randomUUID().toString()).build();
        return exchange(request, "the bank simulator").raw();
    }

    /** The provider a kind of walk pays on. */
    static String channel(String kind) {
        return switch (kind) {
            case "REFUND" -> "WECHAT";
            case "PROXY" -> "ALIPAY";
            default -> kind;
        };
    }

    private Person register(int n, Region region) {
        String idNumber = ResidentIds.of(region.district(), FIRST_BIRTH_DAY.plusDays(n / 499), (n % 499) * 2 + 1);
        LocalDate today = BusinessTime.dateOf(Instant.now());
        String month = YearMonth.from(today).toString();
        String name = "混沌" + n;
        Map<String, Object> person = Map.of("idType", "RESIDENT_ID", "idNumber", idNumber, "name", name,
                "region", region.code(), "district", region.district(), "mobile", "13900000000",
                "enrolmentDate", today.toString(),
                "enrolments", List.of(Map.of("insurance", "PENSION", "firstMonth", month, "base", region.base())));
        String key = UUID.randomUUID().toString();
        String personId = await(() -> Http.post(stack.url("registration") + "/api/v1/persons",
                stack.token("agency", region.agency()), person, key), a -> a.status() == 201, "registration " + n).body()
                .path("personId").asText();
        return new Person(personId, idNumber, name);
    }

    /** The proxy payer's token, once the person confirmed his request (the link reaches the other services as an event). */
    private String proxyFor(int n, Person person, String contributor) {
        String proxyId = "proxy-chaos-" + n;
        String proxy = stack.token("proxy", proxyId);
        Map<String, Object> request = Map.of("idNumber", person.idNumber(), "name", person.name(),
                "consentDate", BusinessTime.dateOf(Instant.now()).toString(), "relationship", "spouse");
        String key = UUID.randomUUID().toString();
        await(() -> Http.post(stack.url("registration") + "/api/v1/proxy/persons", proxy, request, key),
                a -> a.status() == 201, "proxy request for " + person.personId());
        await(() -> Http.post(stack.url("registration") + "/api/v1/persons/" + person.personId() + "/proxies/" + proxyId
                + "/confirmation", contributor, Map.of()), a -> a.status() == 200, "confirmation of " + proxyId);
        return proxy;
    }

    private void rejectAtTheAgency(String personId) {
        Http.Answer answer = Http.post(stack.url("simulators") + "/sim/faults", null,
                Map.of("target", "pension", "mode", "reject-persons", "persons", List.of(personId), "count", 1));
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("the simulators refused a rejection: " + answer);
        }
        rejectedPersons.incrementAndGet();
    }

    private JsonNode assess(String personId, String contributor, Region region) {
        Map<String, Object> body = Map.of("personId", personId,
                "months", List.of(YearMonth.from(BusinessTime.dateOf(Instant.now())).toString()),
                "insurances", List.of(Map.of("insurance", "PENSION", "base", region.base())));
        String key = UUID.randomUUID().toString();
        return await(() -> Http.post(stack.url("assessment") + "/api/v1/assessments", contributor, body, key),
                a -> a.status() == 201, "assessment of " + personId).body();
    }

    private String payOnline(String contributor, String serial, String channel) {
        String key = UUID.randomUUID().toString();
        JsonNode order = await(() -> Http.post(stack.url("payment") + "/api/v1/payments", contributor,
                Map.of("assessmentSerial", serial, "channel", channel), key), a -> a.status() == 201, "order of " + serial).body();
        // the payer pays once; the simulators are never down here, the provider retries its callback itself
        Http.Answer paid = Http.post(order.path("payUrl").asText(), null, "{\"outcome\":\"SUCCESS\"}");
        if (paid.status() != 200) {
            throw new AssertionError("the provider refused the payment: " + paid);
        }
        return order.path("paymentId").asText();
    }

    /** The bank confirms the money it took at its counter; its transaction id makes every resend the same payment. */
    private String payAtTheCounter(String serial, String bankTransactionId, String amount) {
        String body = Http.JSON.createObjectNode().put("assessmentSerial", serial).put("bankTransactionId", bankTransactionId)
                .put("amount", amount).put("method", "CASH").toString();
        BankMisbehaviour mode = bankMisbehaviour;
        if (mode != BankMisbehaviour.NONE) {
            // first the bad request: it must be refused and book nothing; then the bank sends it properly
            long skew = mode == BankMisbehaviour.STALE_TIMESTAMP ? -360 : 0;
            String nonce = mode == BankMisbehaviour.REUSED_NONCE ? lastNonce : UUID.randomUUID().toString();
            Http.Answer bad = bankCall("POST", "/api/v1/bank/payments", body, skew, nonce);
            if (bad.status() != 401 && bad.status() != 0) {
                bankMisbehaviourAccepted.add(mode + " " + bankTransactionId + " answered " + bad);
            }
        }
        return await(() -> bankCall("POST", "/api/v1/bank/payments", body, 0, UUID.randomUUID().toString()),
                a -> a.status() == 200 || a.status() == 201, "counter payment " + bankTransactionId).body()
                .path("paymentId").asText();
    }

    /** A request signed as the bank (its token, its key); the request and answer bodies are text. */
    private Http.Answer bankCall(String method, String path, String body, long skewSeconds, String nonce) {
        lastNonce = nonce;
        return exchange(signed(stack.url("payment"), method, path, body, "application/json", BANK, skewSeconds, nonce)
                .header("Authorization", "Bearer " + stack.token("bank", BANK)).build(), "payment-service");
    }

    /** A request signed with the bank's shared secret under {@code keyId}, its clock {@code skewSeconds} off. */
    private HttpRequest.Builder signed(String base, String method, String path, String body, String contentType, String keyId,
            long skewSeconds, String nonce) {
        long at = Instant.now().getEpochSecond() + skewSeconds;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .header(HttpSignature.KEY_ID, keyId).header(HttpSignature.TIMESTAMP, Long.toString(at))
                .header(HttpSignature.NONCE, nonce)
                .header(HttpSignature.SIGNATURE, HttpSignature.sign(stack.secret(BANK), method, path, at, nonce, bytes))
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    private static Http.Answer exchange(HttpRequest request, String party) {
        try {
            HttpResponse<String> response = SIGNED.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json = raw != null && raw.startsWith("{") ? Http.JSON.readTree(raw) : null;
            return new Http.Answer(response.statusCode(), json, raw);
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + party + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** R25: the person applies, the pension agency approves, the bank pays the money back. */
    private String refund(int n, String contributor, Region region, String paymentId, String amount) {
        Map<String, Object> application = Map.of("lines", List.of(Map.of("insurance", "PENSION", "amount", amount)),
                "bankAccount", String.format("62220200%010d", n), "bankName", "中国工商银行", "bankCode", "102100099996",
                "reason", "fault campaign: paid by mistake");
        String key = UUID.randomUUID().toString();
        String refundId = await(() -> Http.post(stack.url("payment") + "/api/v1/payments/" + paymentId + "/refunds",
                contributor, application, key), a -> a.status() == 201, "refund of " + paymentId).body()
                .path("refundId").asText();
        String decisionKey = UUID.randomUUID().toString();
        await(() -> Http.post(stack.url("payment") + "/api/v1/agency/refunds/" + refundId + "/decision",
                stack.token("agency", region.agency()), Map.of("decision", "APPROVE"), decisionKey),
                a -> a.status() == 200, "approval of " + refundId);
        await(() -> Http.get(stack.url("payment") + "/api/v1/refunds/" + refundId, contributor),
                a -> a.status() == 200 && "REFUNDED".equals(a.body().path("state").asText()), "refund " + refundId + " paid back");
        return refundId;
    }

    /** Retries the call until {@code done}; every answer is counted, and a 5xx other than 503 is noted. */
    private Http.Answer await(Supplier<Http.Answer> call, java.util.function.Predicate<Http.Answer> done, String what) {
        return Http.until(() -> {
            Http.Answer answer = call.get();
            statuses.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
            if (answer.status() >= 500 && answer.status() != 503) {
                serverErrors.add(what + ": " + answer);
            }
            return answer;
        }, done, PATIENCE, what);
    }
}
