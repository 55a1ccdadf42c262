package org.flexsi.platform.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.flexsi.platform.audit.AccessAudit;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.kafka.DeadLetterHeaders;
import org.flexsi.platform.kafka.FlexsiProducer;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;

/**
 * Operations' work on dead letters: list the open ones, replay one to its topic after its cause is fixed, or park it
 * for good with a note. What was done is kept in {@code dead_letter_action}, one row per record, so a settled record is
 * not listed as open again and a second replay publishes nothing.
 *
 * <p>Several services consume one topic and share its {@code .dlq}. A record is this service's when its inbox has not
 * consumed the record's event: the consumers that did apply it know its id, the one that failed does not (its effect
 * and the id rolled back together). A record without a readable event id failed everywhere, and every service lists it.
 */
@ApplicationScoped
@Transactional
public class DeadLetterService {
    static final int EXCERPT_LENGTH = 400;
    /** ID numbers (18), bank accounts (16-19), mobiles (11): ops see them masked, as everywhere else. */
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{9,}[0-9Xx]{2}");

    private final DeadLetterReader reader;
    private final EntityManager em;
    private final FlexsiProducer producer;
    private final AccessAudit audit;
    private final Clock clock;

    public DeadLetterService(DeadLetterReader reader, EntityManager em, FlexsiProducer producer, AccessAudit audit, Clock clock) {
        this.reader = reader;
        this.em = em;
        this.producer = producer;
        this.audit = audit;
        this.clock = clock;
    }

    private record Action(String action, String note, String actor, Instant at) {
    }

    /** Newest first, one copy per event and state; {@code state} OPEN (nothing done yet), REPLAYED, PARKED or ALL. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadLetter> list(String state, int limit) {
        Map<String, Action> actions = actions();
        List<DeadLetterReader.Parked> parked = reader.recent();
        Set<UUID> consumed = consumed(parked.stream().map(DeadLetterService::eventId).filter(Objects::nonNull).toList());
        // one event several consumers failed on is parked once by each; a replay of any copy reaches them all
        Map<String, DeadLetter> onePerEvent = new LinkedHashMap<>();
        parked.stream()
                .filter(p -> actions.containsKey(id(p)) || !consumed.contains(eventId(p)))
                .map(p -> view(p, actions.get(id(p))))
                .filter(view -> "ALL".equals(state) || view.state().equals(state))
                .forEach(view -> onePerEvent.putIfAbsent(view.eventId() == null ? view.topic() + "/" + view.partition()
                        + "/" + view.offset() : view.state() + "/" + view.eventId(), view));
        return onePerEvent.values().stream().limit(limit).toList();
    }

    /**
     * Sends the record back to its topic with its original headers (same key, so the same partition and order), where
     * every consumer's inbox takes it: the one that failed applies it now, the others know its event id already. Once
     * per record: a second replay finds the first one's row and publishes nothing.
     */
    public DeadLetter replay(Caller caller, String topic, int partition, long offset) {
        DeadLetterReader.Parked parked = find(topic, partition, offset);
        Action done = claim(parked, "REPLAYED", null, caller);
        if (done != null) {
            if (!"REPLAYED".equals(done.action())) {
                throw ProblemException.conflict("dead-letter-parked", id(parked) + " was parked by " + done.actor()
                        + ": " + done.note());
            }
            return view(parked, done);
        }
        ProducerRecord<String, String> again = new ProducerRecord<>(parked.originalTopic(), parked.record().key(),
                parked.record().value());
        parked.originalHeaders().forEach((name, value) -> again.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.await(producer.send(again), 10, TimeUnit.SECONDS);
        } catch (IllegalStateException e) {
            throw ProblemException.unavailable("the record could not be republished: " + e.getMessage(), 5);
        }
        audit.record(caller, "dead-letter-replay", "dead-letter", id(parked));
        return view(parked, actions().get(id(parked)));
    }

    /** Sets the record aside for good with a note; parking it again with the same note changes nothing. */
    public DeadLetter park(Caller caller, String topic, int partition, long offset, String note) {
        DeadLetterReader.Parked parked = find(topic, partition, offset);
        Action done = claim(parked, "PARKED", note, caller);
        if (done != null) {
            if (!"PARKED".equals(done.action()) || !note.equals(done.note())) {
                throw ProblemException.conflict("dead-letter-settled", id(parked) + " was already "
                        + done.action().toLowerCase() + " by " + done.actor());
            }
            return view(parked, done);
        }
        audit.record(caller, "dead-letter-park", "dead-letter", id(parked));
        return view(parked, actions().get(id(parked)));
    }

    private DeadLetterReader.Parked find(String topic, int partition, long offset) {
        return reader.find(topic, partition, offset)
                .filter(p -> eventId(p) == null || !consumed(List.of(eventId(p))).contains(eventId(p))
                        || actions().containsKey(id(p)))
                .orElseThrow(() -> ProblemException.notFound(
                        "no dead letter of this service at " + topic + "/" + partition + "/" + offset));
    }

    /** Which of these events this service's inbox has consumed. */
    private Set<UUID> consumed(List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> known = em.createNativeQuery("select event_id from inbox_event where event_id in (?1)", UUID.class)
                .setParameter(1, eventIds).getResultList();
        return new HashSet<>(known);
    }

    private static UUID eventId(DeadLetterReader.Parked parked) {
        try {
            String id = parked.header(CloudEventHeaders.ID);
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Inserts the action; returns null when this call claimed the record, else what was done to it before. */
    private Action claim(DeadLetterReader.Parked parked, String action, String note, Caller caller) {
        int claimed = em.createNativeQuery("insert into dead_letter_action (dlq_topic, dlq_partition, dlq_offset, action,"
                        + " note, actor, acted_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing")
                .setParameter(1, parked.record().topic()).setParameter(2, parked.record().partition())
                .setParameter(3, parked.record().offset()).setParameter(4, action).setParameter(5, note)
                .setParameter(6, caller.subject()).setParameter(7, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        return claimed == 1 ? null : actions().get(id(parked));
    }

    private Map<String, Action> actions() {
        if (reader.topics().isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select dlq_topic, dlq_partition, dlq_offset, action, note, actor, acted_at"
                + " from dead_letter_action where dlq_topic in (?1)").setParameter(1, reader.topics()).getResultList();
        Map<String, Action> actions = new HashMap<>();
        for (Object[] row : rows) {
            Object at = row[6];
            actions.put(row[0] + "/" + row[1] + "/" + row[2], new Action((String) row[3], (String) row[4], (String) row[5],
                    at instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) at));
        }
        return actions;
    }

    private static String id(DeadLetterReader.Parked parked) {
        return parked.record().topic() + "/" + parked.record().partition() + "/" + parked.record().offset();
    }

    private static DeadLetter view(DeadLetterReader.Parked parked, Action action) {
        var r = parked.record();
        return new DeadLetter(r.topic(), r.partition(), r.offset(), parked.originalTopic(), r.key(),
                parked.header(CloudEventHeaders.ID), parked.header(CloudEventHeaders.TYPE), parked.header(DeadLetterHeaders.REASON),
                parked.parkedAt(), parked.originalHeaders(), excerpt(r.value()),
                action == null ? "OPEN" : action.action(), action == null ? null : action.note(),
                action == null ? null : action.actor(), action == null ? null : action.at());
    }

    /** The start of the body, with long digit runs masked to their first three and last two characters. */
    static String excerpt(String value) {
        if (value == null) {
            return "";
        }
        String masked = LONG_DIGITS.matcher(value).replaceAll(m -> m.group().substring(0, 3)
                + "*".repeat(m.group().length() - 5) + m.group().substring(m.group().length() - 2));
        return masked.length() <= EXCERPT_LENGTH ? masked : masked.substring(0, EXCERPT_LENGTH) + "…";
    }
}
