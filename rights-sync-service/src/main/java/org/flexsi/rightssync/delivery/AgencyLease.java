package org.flexsi.rightssync.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.flexsi.rightssync.config.RightsSyncConfig;
import org.flexsi.rightssync.record.Agency;

/**
 * One instance at a time sends to an agency, so records leave in order per person even with two
 * instances running. The holder renews its lease once a third of it has passed, not on every round (a
 * round runs every 100 ms: that was twenty committed updates a second on an idle service); if it dies,
 * another takes over when the lease runs out.
 */
@ApplicationScoped
public class AgencyLease {
    private final String me = UUID.randomUUID().toString();
    private final Map<Agency, Instant> heldUntil = new ConcurrentHashMap<>();
    private final EntityManager em;
    private final Clock clock;
    private final RightsSyncConfig config;

    public AgencyLease(EntityManager em, Clock clock, RightsSyncConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    public boolean hold(Agency agency) {
        Instant now = clock.instant();
        if (!needsRenewal(heldUntil.get(agency), now, config.lease())) {
            return true;
        }
        Instant until = now.plus(config.lease());
        boolean held = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update agency_lease"
                + " set holder = ?1, lease_until = ?2 where agency = ?3 and (holder = ?1 or holder is null or lease_until < ?4)")
                .setParameter(1, me).setParameter(2, until).setParameter(3, agency.name()).setParameter(4, now)
                .executeUpdate() == 1);
        if (held) {
            heldUntil.put(agency, until);
        } else {
            heldUntil.remove(agency);
        }
        return held;
    }

    /** Renew when there is none, or less than two thirds of it is left: a holder never runs on a lease near its end. */
    static boolean needsRenewal(Instant heldUntil, Instant now, Duration lease) {
        return heldUntil == null || !now.isBefore(heldUntil.minus(lease.multipliedBy(2).dividedBy(3)));
    }

    /** On shutdown: the next instance need not wait for the lease to expire. */
    public void release(Agency agency) {
        heldUntil.remove(agency);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update agency_lease set holder = null where agency = ?1 and holder = ?2")
                .setParameter(1, agency.name()).setParameter(2, me).executeUpdate());
    }
}
