package org.flexsi.payment.order;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flexsi.payment.config.PaymentConfig;
import org.flexsi.payment.provider.ProviderUnavailableException;

/**
 * Orders must not sit in PAYING forever (R20): a lost callback is found by asking the provider; orders past
 * their time are closed at the provider and expired; expired orders still open at the provider are closed.
 */
@ApplicationScoped
public class Sweeper {
    private static final int BATCH = 200;

    private final EntityManager em;
    private final OrderResolver resolver;
    private final PaymentConfig config;
    private final Clock clock;

    public Sweeper(EntityManager em, OrderResolver resolver, PaymentConfig config, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.resolver = resolver;
        this.config = config;
    }

    @Scheduled(every = "${flexsi.payment.orders.sweep-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int resolved = 0;
        for (UUID id : due()) {
            try {
                resolver.resolve(id);
                resolved++;
            } catch (ProviderUnavailableException e) {
                Log.warnf("sweeper could not resolve payment %s: %s", id, e.getMessage());
            }
        }
        if (resolved > 0) {
            Log.infof("sweeper looked at %d orders", resolved);
        }
    }

    @SuppressWarnings("unchecked")
    List<UUID> due() {
        Instant stuckBefore = clock.instant().minus(config.orders().stuckAfter());
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "(select id from payment where status = 'PAYING' and channel in ('WECHAT', 'ALIPAY', 'UNIONPAY')"
                        + " and (created_at < ?1 or expires_at < ?2) order by created_at limit ?3)"
                        + " union all (select id from payment where status = 'EXPIRED' and closed_at is null"
                        + " and channel in ('WECHAT', 'ALIPAY', 'UNIONPAY') order by expires_at limit ?3)")
                .setParameter(1, stuckBefore).setParameter(2, clock.instant()).setParameter(3, BATCH).getResultList());
    }
}
