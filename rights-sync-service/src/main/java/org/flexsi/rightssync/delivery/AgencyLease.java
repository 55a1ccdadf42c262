package org.flexsi.rightssync.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.flexsi.rightssync.config.RightsSyncConfig;
import org.flexsi.rightssync.record.Agency;

/**
 * One instance at a time sends to an agency, so records leave in order per person even with two
 * instances running. The holder renews its lease on every round; if it dies, another takes over
 * when the lease runs out.
 */
@ApplicationScoped
public class AgencyLease {
    private final String me = UUID.randomUUID().toString();
    private final EntityManager em;
    private final Clock clock;
    private final RightsSyncConfig config;

    public AgencyLease(EntityManager em, Clock clock, RightsSyncConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public boolean hold(Agency agency) {
        return em.createNativeQuery("update agency_lease set holder = ?1, lease_until = ?2"
                + " where agency = ?3 and (holder = ?1 or holder is null or lease_until < ?4)")
                .setParameter(1, me).setParameter(2, clock.instant().plus(config.lease()))
                .setParameter(3, agency.name()).setParameter(4, clock.instant())
                .executeUpdate() == 1;
    }

    /** On shutdown: the next instance need not wait for the lease to expire. */
    @Transactional
    public void release(Agency agency) {
        em.createNativeQuery("update agency_lease set holder = null where agency = ?1 and holder = ?2")
                .setParameter(1, agency.name()).setParameter(2, me).executeUpdate();
    }
}
