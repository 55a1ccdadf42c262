package org.flexsi.registration.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.flexsi.platform.security.Caller;
import org.flexsi.registration.region.Channel;

/** One entry of an enrolment's history: what changed, who did it, when, why. */
@Entity
@Table(name = "enrolment_change")
public class EnrolmentChange extends PanacheEntityBase {
    public enum Action {
        ENROLLED,
        INTERRUPTED,
        CONTINUED,
        CONTINUED_AFTER_UNEMPLOYMENT,
        SUSPENDED,
        RATE_CHANGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "person_id")
    public UUID personId;
    @Enumerated(EnumType.STRING)
    public Insurance insurance;
    @Enumerated(EnumType.STRING)
    public Action action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public EnrolmentStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public EnrolmentStatus toStatus;
    /** The month (YYYY-MM) or date (YYYY-MM-DD) the change takes effect. */
    public String effective;
    public String reason;
    public String detail;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    public String actor;
    @Column(name = "actor_role")
    public String actorRole;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    /** The enrolment changed (several per insurance once a medical rate changed, R5). */
    @Column(name = "enrolment_id")
    public Long enrolmentId;
    /** The person's registration version after this change. */
    @Column(name = "registration_version")
    public Long registrationVersion;

    public static EnrolmentChange record(Enrolment enrolment, Action action, EnrolmentStatus from, String effective,
            String reason, String detail, Channel channel, Caller actor, Instant at, long registrationVersion) {
        EnrolmentChange change = new EnrolmentChange();
        change.personId = enrolment.personId;
        change.insurance = enrolment.insurance;
        change.action = action;
        change.fromStatus = from;
        change.toStatus = enrolment.status;
        change.effective = effective;
        change.reason = reason;
        change.detail = detail;
        change.channel = channel;
        change.actor = actor.subject();
        change.actorRole = actor.role();
        change.occurredAt = at;
        change.enrolmentId = enrolment.id;
        change.registrationVersion = registrationVersion;
        change.persist();
        return change;
    }

    public static List<EnrolmentChange> ofPerson(UUID personId) {
        return list("personId = ?1 order by id", personId);
    }
}
