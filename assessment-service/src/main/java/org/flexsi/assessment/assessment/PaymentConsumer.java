package org.flexsi.assessment.assessment;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.assessment.person.PersonRepository;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.inbox.Inbox;
import org.flexsi.platform.inbox.IncomingEvent;

/** Months already paid, from flexsi.payment: a success marks them and settles the assessment, a refund frees them. */
@ApplicationScoped
public class PaymentConsumer {
    private final Inbox inbox;
    private final PersonRepository persons;

    public PaymentConsumer(Inbox inbox, PersonRepository persons) {
        this.inbox = inbox;
        this.persons = persons;
    }

    @Incoming("payment-in")
    @Blocking
    public void on(ConsumerRecords<String, String> batch) {
        inbox.consumeBatch(batch, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (PaymentSucceeded.TYPE.equals(event.type())) {
            PaymentSucceeded e = event.dataAs(PaymentSucceeded.class);
            for (LineItem line : e.lines()) {
                for (String month : line.months()) {
                    persons.markPaid(e.personId(), line.insurance(), month, e.paymentId(), e.assessmentSerial());
                }
            }
            Assessment.lockBySerial(e.assessmentSerial()).ifPresent(a -> a.settle(e.paidAt()));
        } else if (PaymentRefunded.TYPE.equals(event.type())) {
            PaymentRefunded e = event.dataAs(PaymentRefunded.class);
            for (LineItem line : e.lines()) {
                for (String month : line.months()) {
                    persons.unmarkPaid(e.personId(), line.insurance(), month, e.paymentId());
                }
            }
        }
    }
}
