package org.flexsi.platform.it;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.contracts.events.PersonRegistered;
import java.util.Map;
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
            em.createNativeQuery("insert into test_effect (event_id, person_id) values (?1, ?2)")
                    .setParameter(1, event.id()).setParameter(2, person.personId()).executeUpdate();
            traces.put(person.personId(), TraceContext.currentTraceId());
        }
    }

    public String traceOf(String personId) {
        return traces.get(personId);
    }

    public long effects(String personId) {
        return ((Number) em.createNativeQuery("select count(*) from test_effect where person_id = ?1")
                .setParameter(1, personId).getSingleResult()).longValue();
    }
}
