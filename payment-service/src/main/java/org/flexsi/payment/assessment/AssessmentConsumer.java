package org.flexsi.payment.assessment;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.contracts.Money;
import org.flexsi.contracts.events.AssessmentCancelled;
import org.flexsi.contracts.events.AssessmentCreated;
import org.flexsi.contracts.events.AssessmentExpired;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.payment.common.Jsons;
import org.flexsi.payment.order.OrderExpiry;
import org.flexsi.platform.inbox.IncomingEvent;
import org.flexsi.platform.inbox.Inbox;
import org.flexsi.platform.inbox.MalformedEventException;

/** Keeps the payable assessments: created ones become OPEN, cancelled or expired ones stop being payable. */
@ApplicationScoped
public class AssessmentConsumer {
    private final Inbox inbox;
    private final OrderExpiry expiry;
    private final Clock clock;

    public AssessmentConsumer(Inbox inbox, OrderExpiry expiry, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.expiry = expiry;
    }

    @Incoming("assessment-in")
    @Blocking
    public void on(ConsumerRecords<String, String> batch) {
        inbox.consumeBatch(batch, this::apply);
    }

    void apply(IncomingEvent event) {
        switch (event.type()) {
            case AssessmentCreated.TYPE -> created(event.dataAs(AssessmentCreated.class));
            case AssessmentCancelled.TYPE -> {
                AssessmentCancelled cancelled = event.dataAs(AssessmentCancelled.class);
                close(cancelled.serialNumber(), Assessment.State.CANCELLED, "assessment cancelled: " + cancelled.reason());
            }
            case AssessmentExpired.TYPE -> close(event.dataAs(AssessmentExpired.class).serialNumber(),
                    Assessment.State.EXPIRED, "assessment expired");
            default -> {
                // catalogue events and newer types are not about what may be paid
            }
        }
    }

    private void created(AssessmentCreated created) {
        if (Assessment.findByIdOptional(created.serialNumber()).isPresent()) {
            return;
        }
        BigDecimal sum = created.lines().stream().map(LineItem::amount).map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = Money.parse(created.total());
        if (sum.compareTo(total) != 0 || total.signum() <= 0) {
            // an order charges the total and books the lines: they must agree to the fen
            throw new MalformedEventException("assessment " + created.serialNumber() + ": lines add up to " + sum
                    + " but total is " + total);
        }
        Assessment assessment = new Assessment();
        assessment.serialNumber = created.serialNumber();
        assessment.assessmentId = created.assessmentId();
        assessment.personId = created.personId();
        assessment.region = created.region();
        assessment.lines = Jsons.lines(created.lines());
        assessment.total = total;
        assessment.expiresAt = created.expiresAt();
        assessment.state = Assessment.State.OPEN;
        assessment.updatedAt = clock.instant();
        assessment.persist();
    }

    private void close(String serialNumber, Assessment.State state, String reason) {
        Assessment.lock(serialNumber).filter(a -> a.state == Assessment.State.OPEN).ifPresent(assessment -> {
            assessment.state = state;
            assessment.updatedAt = clock.instant();
            expiry.expireLiveOrders(serialNumber, reason);
        });
    }
}
