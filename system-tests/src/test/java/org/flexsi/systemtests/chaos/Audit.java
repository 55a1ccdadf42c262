package org.flexsi.systemtests.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flexsi.deploy.Stack;
import org.flexsi.deploy.client.Http;
import org.flexsi.platform.time.BusinessTime;

/**
 * After the traffic stopped and the system drained: every walk checked from the services' APIs and the simulators'
 * ledgers, never from a service's tables. A walk whose money was taken is <em>lost</em> when it is not booked (or,
 * refunded, not paid back), has no certificate, or no confirmed rights record at the agency; <em>doubled</em> when
 * any of these exists twice.
 */
final class Audit {
    /** What became of one walk. */
    record Verdict(Traffic.Walk walk, boolean captured, List<String> lost, List<String> doubled) {
    }

    private static final Duration DRAIN = Duration.ofMinutes(4);
    private final Stack stack;
    private final String ops;
    private final List<String> findings = new ArrayList<>();

    Audit(Stack stack) {
        this.stack = stack;
        this.ops = stack.token("ops", "chaos-auditor");
    }

    /** Findings that are not about one walk: totals, dead letters, answers. */
    List<String> findings() {
        return List.copyOf(findings);
    }

    List<Verdict> check(List<Traffic.Walk> walks) {
        Instant drainedBy = Instant.now().plus(DRAIN);
        List<Verdict> verdicts = new ArrayList<>();
        for (Traffic.Walk walk : walks) {
            verdicts.add(check(walk, drainedBy));
        }
        // the ledgers are read only once every walk has drained: a record the agency confirmed late (or a refund
        // paid out late) is in them then, and not yet when the traffic had just stopped
        Map<String, Integer> heldPerPerson = heldPayments();
        Map<String, List<JsonNode>> transfers = transfersByRefund();
        for (Verdict verdict : verdicts) {
            if (verdict.captured()) {
                checkLedgers(verdict, heldPerPerson, transfers);
            }
        }
        checkProviderTotals(walks);
        checkCounterAndRefundTotals(walks, transfers);
        return verdicts;
    }

    /** What the services answer about one walk, waited for until the system has drained. */
    private Verdict check(Traffic.Walk walk, Instant drainedBy) {
        List<String> lost = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        if (walk.paymentId() == null) {
            // the money was never taken: nothing to account for
            return new Verdict(walk, false, lost, doubled);
        }
        boolean refund = refunded(walk);
        String contributor = stack.token("contributor", walk.personId());
        JsonNode payments = eventually(() -> Http.get(stack.url("payment") + "/api/v1/payments?personId=" + walk.personId(),
                contributor), a -> a.status() == 200 && !a.raw().contains("\"PAYING\""), drainedBy);
        int booked = 0;
        JsonNode ours = null;
        for (JsonNode p : payments) {
            String status = p.path("status").asText();
            if (Set.of("PAID", "HELD", "REFUNDED").contains(status)) {
                booked++;
            }
            if (walk.paymentId().equals(p.path("paymentId").asText())) {
                ours = p;
            }
        }
        // a refund on application pays the money back by bank transfer; the payment itself stays PAID
        if (ours == null || !"PAID".equals(ours.path("status").asText())) {
            lost.add("payment " + walk.paymentId() + " is " + (ours == null ? "unknown" : ours.path("status").asText())
                    + ", not PAID");
        } else if (new BigDecimal(ours.path("amount").asText()).compareTo(new BigDecimal(walk.amount())) != 0) {
            lost.add("payment " + walk.paymentId() + " booked " + ours.path("amount").asText() + ", taken " + walk.amount());
        }
        if (booked > 1) {
            doubled.add(booked + " payments booked for person " + walk.personId() + ": " + payments);
        }
        checkCertificate(walk, contributor, refund, drainedBy, lost, doubled);
        checkRights(walk, drainedBy, lost, doubled);
        if (refund) {
            JsonNode state = eventually(() -> Http.get(stack.url("payment") + "/api/v1/refunds/" + walk.refundId(),
                    contributor), a -> a.status() == 200 && a.raw().contains("\"REFUNDED\""), drainedBy);
            if (!"REFUNDED".equals(state.path("state").asText())) {
                lost.add("refund " + walk.refundId() + " is not REFUNDED: " + state);
            }
        }
        return new Verdict(walk, true, lost, doubled);
    }

    /** The outside parties' own books: the pension agency holds the payment once, the bank paid a refund back once. */
    private static void checkLedgers(Verdict verdict, Map<String, Integer> heldPerPerson,
            Map<String, List<JsonNode>> transfers) {
        Traffic.Walk walk = verdict.walk();
        int held = heldPerPerson.getOrDefault(walk.personId(), 0);
        if (held == 0) {
            verdict.lost().add("the pension agency holds no payment of " + walk.personId());
        } else if (held > 1) {
            verdict.doubled().add("the pension agency holds " + held + " payments of " + walk.personId());
        }
        if (refunded(walk)) {
            List<JsonNode> paidBack = transfers.getOrDefault(walk.refundId(), List.of());
            if (paidBack.isEmpty()) {
                verdict.lost().add("refund " + walk.refundId() + " never reached the bank");
            } else if (paidBack.size() > 1) {
                verdict.doubled().add("refund " + walk.refundId() + " transferred " + paidBack.size() + " times");
            } else if (new BigDecimal(paidBack.get(0).path("amount").asText()).compareTo(new BigDecimal(walk.amount())) != 0) {
                verdict.lost().add("refund " + walk.refundId() + " transferred " + paidBack.get(0).path("amount").asText());
            }
        }
    }

    private static boolean refunded(Traffic.Walk walk) {
        return walk.kind().equals("REFUND") && walk.refundId() != null;
    }

    /** One certificate, revoked for a refund; in a region that makes it wait (R22), the working day it comes. */
    private void checkCertificate(Traffic.Walk walk, String contributor, boolean refund, Instant drainedBy,
            List<String> lost, List<String> doubled) {
        String state = refund ? "REVOKED" : "ISSUED";
        Http.Answer answer = eventuallyAnswer(() -> Http.get(stack.url("certificate") + "/api/v1/certificates?paymentId="
                + walk.paymentId(), contributor), a -> (a.status() == 200 && a.body() != null && a.raw().contains(state))
                        || (a.status() == 409 && a.body() != null && a.body().has("availableFrom")), drainedBy);
        if (answer.status() == 409) {
            return;
        }
        if (answer.status() != 200 || answer.body() == null || answer.body().size() == 0) {
            lost.add("no certificate for " + walk.paymentId() + ": " + answer);
        } else if (answer.body().size() > 1) {
            doubled.add(answer.body().size() + " certificates for " + walk.paymentId());
        } else if (!state.equals(answer.body().path(0).path("status").asText())) {
            lost.add("the certificate of " + walk.paymentId() + " is not " + state + ": " + answer);
        }
    }

    private void checkRights(Traffic.Walk walk, Instant drainedBy, List<String> lost, List<String> doubled) {
        JsonNode records = eventually(() -> Http.get(stack.url("rights-sync") + "/api/v1/rights/records?paymentId="
                + walk.paymentId(), ops), a -> a.status() == 200 && a.raw().contains("CONFIRMED"), drainedBy).path("records");
        int confirmed = 0;
        for (JsonNode r : records) {
            if ("PAYMENT".equals(r.path("kind").asText()) && "CONFIRMED".equals(r.path("status").asText())) {
                confirmed++;
                checkDeadline(r);
            }
        }
        if (confirmed == 0) {
            lost.add("no confirmed rights record for " + walk.paymentId() + ": " + states(records));
        } else if (confirmed > 1) {
            doubled.add(confirmed + " confirmed rights records for " + walk.paymentId());
        }
    }

    /**
     * R24: confirmed by its deadline (the payment date plus 3 working days, in the service's own clock, which the
     * campaign moves), or raised as at risk before it passed.
     */
    private void checkDeadline(JsonNode record) {
        if (record.path("deadline").isNull() || record.path("atRisk").asBoolean()) {
            return;
        }
        LocalDate learned = BusinessTime.dateOf(Instant.parse(record.path("recordedAt").asText()));
        if (learned.isAfter(LocalDate.parse(record.path("deadline").asText()))) {
            findings.add("rights record " + record.path("recordId").asText() + " confirmed on " + learned
                    + " after its deadline " + record.path("deadline").asText() + " and never raised at risk");
        }
    }

    private static List<String> states(JsonNode records) {
        List<String> states = new ArrayList<>();
        records.forEach(r -> states.add(r.path("kind").asText() + " " + r.path("status").asText()
                + (r.path("atRisk").asBoolean() ? " at risk" : "") + " deadline " + r.path("deadline").asText()));
        return states;
    }

    /** The pension agency's own ledger: payment records it confirmed, per person (a rejected one it does not hold). */
    private Map<String, Integer> heldPayments() {
        Map<String, Integer> perPerson = new HashMap<>();
        for (JsonNode record : Http.get(stack.url("simulators") + "/agencies/pension/held", null).body().path("records")) {
            if ("PAYMENT".equals(record.path("kind").asText()) && "CONFIRMED".equals(record.path("status").asText())) {
                perPerson.merge(record.path("personId").asText(), 1, Integer::sum);
            }
        }
        return perPerson;
    }

    /** The payout bank's ledger: successful transfers by transfer id (the refund id). */
    private Map<String, List<JsonNode>> transfersByRefund() {
        Map<String, List<JsonNode>> byId = new HashMap<>();
        for (JsonNode t : Http.get(stack.url("simulators") + "/sim/banks/" + Traffic.BANK + "/transfers", null).body()
                .path("transfers")) {
            if ("SUCCESS".equals(t.path("status").asText())) {
                byId.computeIfAbsent(t.path("transferId").asText(), id -> new ArrayList<>()).add(t);
            }
        }
        return byId;
    }

    /** Each provider's statement of today against payment-service's books, and against what the payers paid. */
    private void checkProviderTotals(List<Traffic.Walk> walks) {
        String today = BusinessTime.dateOf(Instant.now()).toString();
        for (String channel : List.of("WECHAT", "ALIPAY", "UNIONPAY")) {
            BigDecimal paid = walks.stream().filter(w -> w.paymentId() != null && w.channel().equals(channel))
                    .map(w -> new BigDecimal(w.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
            JsonNode run = Http.until(() -> Http.post(stack.url("payment") + "/api/v1/ops/reconciliations", ops,
                    Map.of("channel", channel, "day", today)), a -> a.status() == 200, Duration.ofMinutes(2),
                    "reconciliation of " + channel).body();
            BigDecimal theirs = new BigDecimal(run.path("theirTotal").asText());
            BigDecimal ours = new BigDecimal(run.path("ourTotal").asText());
            System.out.printf("chaos: %-8s statement %s, our books %s, the campaign's payers paid %s (%d matched, %d issues)%n",
                    channel, theirs, ours, paid, run.path("matched").asInt(), run.path("issues").asInt());
            if (theirs.compareTo(ours) != 0 || theirs.compareTo(paid) != 0 || run.path("issues").asInt() != 0) {
                findings.add(channel + " totals differ: " + run);
            }
        }
    }

    private void checkCounterAndRefundTotals(List<Traffic.Walk> walks, Map<String, List<JsonNode>> transfers) {
        BigDecimal counter = walks.stream().filter(w -> w.paymentId() != null && w.kind().equals("BANK"))
                .map(w -> new BigDecimal(w.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal refunded = walks.stream().filter(w -> w.refundId() != null).map(w -> new BigDecimal(w.amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal transferred = transfers.values().stream().flatMap(List::stream)
                .map(t -> new BigDecimal(t.path("amount").asText())).reduce(BigDecimal.ZERO, BigDecimal::add);
        System.out.printf("chaos: counter payments confirmed by the bank %s; refunds approved %s, transferred by the bank %s%n",
                counter, refunded, transferred);
        if (refunded.compareTo(transferred) != 0) {
            findings.add("refunds " + refunded + " but the bank transferred " + transferred);
        }
    }

    /**
     * Every record on a dead-letter topic: the injected poison ones (by key) are expected and must carry their
     * reason; anything else is a finding. Returns the poison records found, per dead-letter topic.
     */
    Map<String, Integer> deadLetters(String poisonPrefix) {
        Map<String, Integer> poison = new TreeMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-audit-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<String> dlq = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(t -> t.endsWith(".dlq")).toList();
            consumer.subscribe(dlq);
            long quietSince = System.currentTimeMillis();
            while (System.currentTimeMillis() - quietSince < 5000) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    quietSince = System.currentTimeMillis();
                }
                for (ConsumerRecord<String, String> r : records) {
                    var reason = r.headers().lastHeader("dead-letter-reason");
                    boolean injected = r.key() != null && r.key().startsWith(poisonPrefix);
                    if (injected && reason != null) {
                        poison.merge(r.topic(), 1, Integer::sum);
                    } else {
                        findings.add("dead letter on " + r.topic() + " key " + r.key() + " reason "
                                + (reason == null ? "none" : new String(reason.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
        } catch (Exception e) {
            findings.add("cannot read the dead-letter topics: " + e);
        }
        return poison;
    }

    private static JsonNode eventually(java.util.function.Supplier<Http.Answer> call,
            java.util.function.Predicate<Http.Answer> done, Instant deadline) {
        Http.Answer answer = eventuallyAnswer(call, done, deadline);
        return answer.body() == null ? Http.JSON.createArrayNode() : answer.body();
    }

    /** The first answer that is done, or (once the drain time is over) the last one, for the verdict to judge. */
    private static Http.Answer eventuallyAnswer(java.util.function.Supplier<Http.Answer> call,
            java.util.function.Predicate<Http.Answer> done, Instant deadline) {
        return Http.latest(call, done, deadline, Duration.ofSeconds(1));
    }
}
