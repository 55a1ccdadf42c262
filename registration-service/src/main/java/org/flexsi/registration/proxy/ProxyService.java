package org.flexsi.registration.proxy;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flexsi.contracts.events.ProxyLinked;
import org.flexsi.contracts.events.ProxyUnlinked;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.time.BusinessTime;
import org.flexsi.registration.identity.IdDocument;
import org.flexsi.registration.identity.IdNumbers;
import org.flexsi.registration.identity.InvalidIdException;
import org.flexsi.registration.person.Person;
import org.flexsi.registration.person.PersonAccess;
import org.flexsi.registration.person.PersonalData;
import org.flexsi.registration.proxy.ProxyLink.Status;

/**
 * A proxy payer's list (R21): only registered persons, found by ID and name, each with a consent date. A proxy's
 * request is PENDING and grants nothing; the person confirms or refuses it, or an agency serving the person's
 * region records the consent at the counter with evidence (issue 17). {@code proxy.linked} is published when a link
 * becomes ACTIVE (payment and assessment authorize proxies from it), {@code proxy.unlinked} when an active one ends.
 */
@ApplicationScoped
@Transactional
public class ProxyService {
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final PersonAccess access;
    private final Clock clock;
    private final PersonalData personalData;

    public ProxyService(Outbox outbox, IdempotencyKeys idempotency, PersonAccess access, Clock clock,
            PersonalData personalData) {
        this.personalData = personalData;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.access = access;
        this.clock = clock;
    }

    /** The proxy asks; the link waits for the person. */
    public Response addOnce(String key, String proxyId, ProxyAddRequest request) {
        return idempotency.once("proxy-add:" + proxyId, key, request, 201, () -> {
            Person person = registered(request);
            if (person.personId.toString().equals(proxyId)) {
                throw ProblemException.ruleBroken("R21", "a person pays for himself as a contributor, not as his own proxy");
            }
            if (ProxyLink.exists(proxyId, person.personId)) {
                throw ProblemException.conflict("already-on-list", "the person is already on your list");
            }
            checkConsent(request.consentDate());
            ProxyLink link = new ProxyLink();
            link.proxyId = proxyId;
            link.personId = person.personId;
            link.consentDate = request.consentDate();
            link.relationship = request.relationship();
            link.linkedAt = clock.instant();
            link.status = Status.PENDING;
            link.persist();
            return ProxyEntry.of(link, person);
        });
    }

    /**
     * The proxy edits his request. Once the person confirmed a consent date, only the person (or an agency) may stand
     * behind another one: the proxy then removes the link and asks again.
     */
    public ProxyEntry edit(String proxyId, UUID personId, ProxyEditRequest request) {
        ProxyLink link = link(proxyId, personId);
        checkConsent(request.consentDate());
        if (link.active() && !link.consentDate.equals(request.consentDate())) {
            throw ProblemException.conflict("link-confirmed", "the person confirmed consent from " + link.consentDate
                    + "; remove the person and ask again to declare another consent date");
        }
        link.consentDate = request.consentDate();
        link.relationship = request.relationship();
        return ProxyEntry.of(link, Person.findById(personId));
    }

    public void remove(String proxyId, UUID personId) {
        end(link(proxyId, personId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProxyEntry> list(String proxyId) {
        return ProxyLink.listOf(proxyId).stream().map(link -> ProxyEntry.of(link, Person.findById(link.personId))).toList();
    }

    /** The proxies who asked for or hold a link to the person: for the person, his own agency and operations. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProxyLinkView> ofPerson(Caller caller, UUID personId) {
        requirePersonOrBackOffice(caller, personId);
        return ProxyLink.ofPerson(personId).stream().map(ProxyLinkView::of).toList();
    }

    /** The person confirms a proxy's request; confirming an active link again changes nothing. */
    public ProxyLinkView confirm(Caller caller, UUID personId, String proxyId) {
        requireSelf(caller, personId);
        ProxyLink link = request(personId, proxyId);
        if (!link.active()) {
            activate(link, caller, null);
        }
        return ProxyLinkView.of(link);
    }

    /** The person refuses a request, or ends a link he confirmed before. */
    public void refuse(Caller caller, UUID personId, String proxyId) {
        requireSelf(caller, personId);
        end(request(personId, proxyId));
    }

    /** An agency of the person's region records consent given at the counter: the link is active at once. */
    public Response recordOnce(String key, Caller caller, UUID personId, ProxyRecordRequest request) {
        Person person = access.checkCanChange(caller, personId);
        return idempotency.once("proxy-record:" + personId, key, request, 201, () -> {
            if (person.personId.toString().equals(request.proxyId())) {
                throw ProblemException.ruleBroken("R21", "a person pays for himself as a contributor, not as his own proxy");
            }
            checkConsent(request.consentDate());
            ProxyLink link = ProxyLink.of(request.proxyId(), personId).orElse(null);
            if (link != null && link.active()) {
                throw ProblemException.conflict("already-active", "the proxy link is already active");
            }
            if (link == null) {
                link = new ProxyLink();
                link.proxyId = request.proxyId();
                link.personId = personId;
                link.linkedAt = clock.instant();
            }
            link.consentDate = request.consentDate();
            link.relationship = request.relationship();
            activate(link, caller, request.evidence().strip());
            return ProxyLinkView.of(link);
        });
    }

    private void activate(ProxyLink link, Caller caller, String evidence) {
        link.status = Status.ACTIVE;
        link.confirmedBy = caller.subject();
        link.confirmedRole = caller.role();
        link.evidence = evidence;
        link.confirmedAt = clock.instant();
        link.persist();
        outbox.publish(new ProxyLinked(link.personId.toString(), link.proxyId, link.consentDate, link.confirmedAt));
        Log.infof("proxy link %s -> %s active, confirmed by %s (%s)", link.proxyId, link.personId, caller.subject(),
                caller.role());
    }

    /** Deletes the link; consumers hear of it only if it was active (they never knew a pending one). */
    private void end(ProxyLink link) {
        boolean wasActive = link.active();
        link.delete();
        if (wasActive) {
            outbox.publish(new ProxyUnlinked(link.personId.toString(), link.proxyId, clock.instant()));
        }
    }

    private static void requireSelf(Caller caller, UUID personId) {
        Person.require(personId);
        if (!PersonAccess.isSelf(caller, personId)) {
            throw ProblemException.forbidden("only the person himself confirms or refuses his proxy payers");
        }
    }

    private void requirePersonOrBackOffice(Caller caller, UUID personId) {
        if (PersonAccess.isSelf(caller, personId)) {
            Person.require(personId);
        } else {
            access.checkCanChange(caller, personId);
        }
    }

    private static ProxyLink request(UUID personId, String proxyId) {
        return ProxyLink.of(proxyId, personId)
                .orElseThrow(() -> ProblemException.notFound("proxy " + proxyId + " has not asked to pay for person " + personId));
    }

    private static ProxyLink link(String proxyId, UUID personId) {
        return ProxyLink.of(proxyId, personId)
                .orElseThrow(() -> ProblemException.notFound("person " + personId + " is not on your list"));
    }

    private void checkConsent(LocalDate consentDate) {
        if (consentDate.isAfter(BusinessTime.today(clock))) {
            throw ProblemException.invalid("consentDate", "must not be in the future");
        }
    }

    /** The person must be registered, and the name must match: a typo must not link a stranger. */
    private Person registered(ProxyAddRequest request) {
        IdDocument id;
        try {
            id = IdNumbers.check(request.idType(), request.idNumber(), BusinessTime.today(clock));
        } catch (InvalidIdException e) {
            throw ProblemException.invalid("idNumber", e.getMessage());
        }
        return Person.byIdentity(id.type(), personalData.index(id.number()))
                .filter(person -> person.name().equals(request.name().strip()))
                .orElseThrow(() -> ProblemException.ruleBroken("R3", "no registered person with this ID number and name;"
                        + " a person must be registered before anyone pays for them"));
    }
}
