package org.flexsi.certificate.record;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.inbox.Inbox;

/** Payments and refunds become payment records and certificates, once per event. */
@ApplicationScoped
public class PaymentConsumer {
    private final Inbox inbox;
    private final PaymentRecordService records;

    public PaymentConsumer(Inbox inbox, PaymentRecordService records) {
        this.inbox = inbox;
        this.records = records;
    }

    @Incoming("payment-in")
    @Blocking
    public void on(ConsumerRecords<String, String> batch) {
        inbox.consumeBatch(batch, event -> {
            if (PaymentSucceeded.TYPE.equals(event.type())) {
                records.recordPayment(event.dataAs(PaymentSucceeded.class), PaymentRecord.Origin.EVENT);
            } else if (PaymentRefunded.TYPE.equals(event.type())) {
                records.recordRefund(event.dataAs(PaymentRefunded.class));
            }
        });
    }
}
