package org.flexsi.registration.coverage;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.YearMonth;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.inbox.Inbox;
import org.flexsi.platform.time.BusinessTime;

/** Keeps the paid months per person and insurance, for the medical benefit status (R17). */
@ApplicationScoped
public class PaymentConsumer {
    private final Inbox inbox;
    private final EntityManager em;

    public PaymentConsumer(Inbox inbox, EntityManager em) {
        this.inbox = inbox;
        this.em = em;
    }

    @Incoming("payment-in")
    @Blocking
    public void on(ConsumerRecords<String, String> batch) {
        inbox.consumeBatch(batch, event -> {
            if (PaymentSucceeded.TYPE.equals(event.type())) {
                paid(event.dataAs(PaymentSucceeded.class));
            } else if (PaymentRefunded.TYPE.equals(event.type())) {
                refunded(event.dataAs(PaymentRefunded.class));
            }
        });
    }

    private void paid(PaymentSucceeded payment) {
        // a payment belongs to the month it was made in China, whatever the server's zone
        String paidIn = YearMonth.from(BusinessTime.dateOf(payment.paidAt())).toString();
        for (LineItem line : payment.lines()) {
            for (String month : line.months()) {
                // the first payment of a month counts; a second one (several line parts, a duplicate) changes nothing
                em.createNativeQuery("insert into paid_month (person_id, insurance, month, paid_month, payment_id)"
                        + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                        .setParameter(1, payment.personId()).setParameter(2, line.insurance()).setParameter(3, month)
                        .setParameter(4, paidIn).setParameter(5, payment.paymentId()).executeUpdate();
            }
        }
    }

    /** Refunded months are unpaid again. */
    private void refunded(PaymentRefunded refund) {
        for (LineItem line : refund.lines()) {
            for (String month : line.months()) {
                em.createNativeQuery("delete from paid_month where person_id = ?1 and insurance = ?2 and month = ?3"
                        + " and payment_id = ?4")
                        .setParameter(1, refund.personId()).setParameter(2, line.insurance()).setParameter(3, month)
                        .setParameter(4, refund.paymentId()).executeUpdate();
            }
        }
    }
}
