package org.flexsi.assessment.person;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.assessment.assessment.AssessmentMetrics.Cancellation;
import org.flexsi.assessment.assessment.AssessmentService;
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
    private final AssessmentService assessments;

    public RegistrationConsumer(Inbox inbox, PersonRepository persons, AssessmentService assessments) {
        this.inbox = inbox;
        this.persons = persons;
        this.assessments = assessments;
    }

    @Incoming("registration-in")
    @Blocking
    public void on(ConsumerRecords<String, String> batch) {
        inbox.consumeBatch(batch, this::apply);
    }

    /**
     * Applies one event to the read model; an enrolment change also cancels the open assessments it makes stale (issue 16),
     * and every event's registration version is remembered for read-your-writes; all in the inbox's transaction.
     */
    private void apply(IncomingEvent event) {
        switch (event.type()) {
            case PersonRegistered.TYPE -> {
                PersonRegistered e = event.dataAs(PersonRegistered.class);
                persons.upsertPerson(e.personId(), e.idNumber(), e.name(), e.region(), e.registeredAt());
                persons.sawRegistrationVersion(e.personId(), e.registrationVersion());
            }
            case EnrolmentStarted.TYPE -> {
                EnrolmentStarted e = event.dataAs(EnrolmentStarted.class);
                persons.startEnrolment(e.personId(), e.insurance(), e.region(), e.firstMonth(), e.grade(), e.base(), e.rate(),
                        e.plan(), e.startedAt());
                assessments.cancelOnEnrolmentChange(e.personId(), e.insurance(), YearMonth.parse(e.firstMonth()),
                        e.insurance() + " enrolled anew from " + e.firstMonth(), Cancellation.ENROLMENT_STARTED);
                persons.sawRegistrationVersion(e.personId(), e.registrationVersion());
            }
            case EnrolmentInterrupted.TYPE -> {
                EnrolmentInterrupted e = event.dataAs(EnrolmentInterrupted.class);
                YearMonth lastCovered = YearMonth.parse(e.lastCoveredMonth());
                persons.stopEnrolment(e.personId(), e.insurance(), "INTERRUPTED", lastCovered, e.occurredAt());
                assessments.cancelOnEnrolmentChange(e.personId(), e.insurance(), lastCovered.plusMonths(1),
                        e.insurance() + " interrupted after " + lastCovered, Cancellation.ENROLMENT_INTERRUPTED);
                persons.sawRegistrationVersion(e.personId(), e.registrationVersion());
            }
            case EnrolmentSuspended.TYPE -> {
                EnrolmentSuspended e = event.dataAs(EnrolmentSuspended.class);
                // effective on the 1st: the month before is the last covered; later in a month: that month still is
                YearMonth lastCovered = YearMonth.from(e.effectiveDate().minusDays(1));
                persons.stopEnrolment(e.personId(), e.insurance(), "SUSPENDED", lastCovered, e.occurredAt());
                assessments.cancelOnEnrolmentChange(e.personId(), e.insurance(), lastCovered.plusMonths(1),
                        e.insurance() + " suspended after " + lastCovered, Cancellation.ENROLMENT_SUSPENDED);
                persons.sawRegistrationVersion(e.personId(), e.registrationVersion());
            }
            case EnrolmentContinued.TYPE -> {
                EnrolmentContinued e = event.dataAs(EnrolmentContinued.class);
                persons.continueEnrolment(e.personId(), e.insurance(), YearMonth.parse(e.fromMonth()), e.grade(), e.base(),
                        e.rate(), e.plan(), e.occurredAt());
                assessments.cancelOnEnrolmentChange(e.personId(), e.insurance(), YearMonth.parse(e.fromMonth()),
                        e.insurance() + " continued from " + e.fromMonth(), Cancellation.ENROLMENT_CONTINUED);
                persons.sawRegistrationVersion(e.personId(), e.registrationVersion());
            }
            case MedicalRateChanged.TYPE -> {
                MedicalRateChanged e = event.dataAs(MedicalRateChanged.class);
                persons.changeMedicalRate(e.personId(), e.newRate(), e.newPlan(), e.occurredAt());
                // without an effective month every open medical month was priced at the old rate
                YearMonth from = e.effectiveMonth() == null ? YearMonth.of(1, 1) : YearMonth.parse(e.effectiveMonth());
                assessments.cancelOnEnrolmentChange(e.personId(), "MEDICAL", from, "MEDICAL rate changed to " + e.newRate()
                        + (e.effectiveMonth() == null ? "" : " from " + e.effectiveMonth()), Cancellation.MEDICAL_RATE_CHANGED);
                persons.sawRegistrationVersion(e.personId(), e.registrationVersion());
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
