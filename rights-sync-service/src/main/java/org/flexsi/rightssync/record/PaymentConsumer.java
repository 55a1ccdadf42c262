package org.flexsi.rightssync.record;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.inbox.Inbox;

/** payment.succeeded and payment.refunded become rights records; other payment events do not concern the agencies. */
@ApplicationScoped
public class PaymentConsumer {
    private final Inbox inbox;
    private final RecordIntake intake;

    public PaymentConsumer(Inbox inbox, RecordIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Incoming("payment-in")
    // several payments at once: the effect is idempotent per event, and the senders restore payment order
    @Blocking(ordered = false)
    public void on(ConsumerRecords<String, String> batch) {
        inbox.consumeBatch(batch, event -> {
            if (PaymentSucceeded.TYPE.equals(event.type())) {
                intake.payment(event.dataAs(PaymentSucceeded.class));
            } else if (PaymentRefunded.TYPE.equals(event.type())) {
                intake.refund(event.dataAs(PaymentRefunded.class));
            }
        });
    }
}
