package org.flexsi.assessment.person;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.contracts.events.EnrolmentContinued;
import org.flexsi.contracts.events.EnrolmentInterrupted;
import org.flexsi.contracts.events.EnrolmentStarted;
import org.flexsi.contracts.events.EnrolmentSuspended;
import org.flexsi.contracts.events.MedicalRateChanged;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.contracts.events.ProxyLinked;
import org.flexsi.contracts.events.ProxyUnlinked;
import org.flexsi.platform.inbox.Inbox;
import org.flexsi.platform.inbox.IncomingEvent;

/** Keeps who is registered, enrolled in what and paid for by whom, from flexsi.registration. */
@ApplicationScoped
public class RegistrationConsumer {
    private final Inbox inbox;
    private final PersonRepository persons;

    public RegistrationConsumer(Inbox inbox, PersonRepository persons) {
        this.inbox = inbox;
        this.persons = persons;
    }

    @Incoming("registration-in")
    @Blocking
    public void on(ConsumerRecord<String, String> record) {
        inbox.consume(record, this::apply);
    }

    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case PersonRegistered.TYPE -> {
                PersonRegistered e = event.dataAs(PersonRegistered.class);
                persons.upsertPerson(e.personId(), e.idNumber(), e.name(), e.region(), e.registeredAt());
            }
            case EnrolmentStarted.TYPE -> {
                EnrolmentStarted e = event.dataAs(EnrolmentStarted.class);
                persons.startEnrolment(e.personId(), e.insurance(), e.region(), e.firstMonth(), e.grade(), e.base(), e.rate(),
                        e.plan(), e.startedAt());
            }
            case EnrolmentInterrupted.TYPE -> {
                EnrolmentInterrupted e = event.dataAs(EnrolmentInterrupted.class);
                persons.stopEnrolment(e.personId(), e.insurance(), "INTERRUPTED", YearMonth.parse(e.lastCoveredMonth()), e.occurredAt());
            }
            case EnrolmentSuspended.TYPE -> {
                EnrolmentSuspended e = event.dataAs(EnrolmentSuspended.class);
                // effective on the 1st: the month before is the last covered; later in a month: that month still is
                persons.stopEnrolment(e.personId(), e.insurance(), "SUSPENDED", YearMonth.from(e.effectiveDate().minusDays(1)),
                        e.occurredAt());
            }
            case EnrolmentContinued.TYPE -> {
                EnrolmentContinued e = event.dataAs(EnrolmentContinued.class);
                persons.continueEnrolment(e.personId(), e.insurance(), YearMonth.parse(e.fromMonth()), e.grade(), e.base(),
                        e.rate(), e.plan(), e.occurredAt());
            }
            case MedicalRateChanged.TYPE -> {
                MedicalRateChanged e = event.dataAs(MedicalRateChanged.class);
                persons.changeMedicalRate(e.personId(), e.newRate(), e.newPlan(), e.occurredAt());
            }
            case ProxyLinked.TYPE -> {
                ProxyLinked e = event.dataAs(ProxyLinked.class);
                persons.link(e.personId(), e.proxyId());
            }
            case ProxyUnlinked.TYPE -> {
                ProxyUnlinked e = event.dataAs(ProxyUnlinked.class);
                persons.unlink(e.personId(), e.proxyId());
            }
            default -> {
                // other registration events carry nothing an assessment needs
            }
        }
    }
}
