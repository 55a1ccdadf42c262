package org.flexsi.platform.it;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.contracts.events.PersonRegistered;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.flexsi.platform.inbox.Inbox;
import org.flexsi.platform.inbox.IncomingEvent;
import org.flexsi.platform.observability.TraceContext;

/**
 * A consumer whose effect the tests can count: one row per person registered. It consumes polled batches, as the
 * services do; a person id starting with {@value #POISON} makes its effect fail every time, as a bug would.
 */
@ApplicationScoped
public class EffectConsumer {
    static final String POISON = "poison-";
    private final Inbox inbox;
    private final EntityManager em;
    /** The trace each person's effect ran in. */
    private final Map<String, String> traces = new ConcurrentHashMap<>();
    /** Persons whose effect fails, as a bug or a missing reference would make it: a test "fixes" it by unblocking. */
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();

    public EffectConsumer(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming("registration-in")
    @Blocking
    public void on(ConsumerRecords<String, String> records) {
        inbox.consumeBatch(records, this::apply);
    }

    void apply(IncomingEvent event) {
        if (PersonRegistered.TYPE.equals(event.type())) {
            PersonRegistered person = event.dataAs(PersonRegistered.class);
            if (person.personId().startsWith(POISON)) {
                throw new IllegalStateException("cannot take " + person.personId());
            }
            if (blocked.contains(person.personId())) {
                throw new IllegalStateException("person " + person.personId() + " cannot be applied yet");
            }
            em.createNativeQuery("insert into test_effect (event_id, person_id) values (?1, ?2)")
                    .setParameter(1, event.id()).setParameter(2, person.personId()).executeUpdate();
            traces.put(person.personId(), TraceContext.currentTraceId());
        }
    }

    public void block(String personId) {
        blocked.add(personId);
    }

    public void unblock(String personId) {
        blocked.remove(personId);
    }

    public String traceOf(String personId) {
        return traces.get(personId);
    }

    public long effects(String personId) {
        return ((Number) em.createNativeQuery("select count(*) from test_effect where person_id = ?1")
                .setParameter(1, personId).getSingleResult()).longValue();
    }
}
