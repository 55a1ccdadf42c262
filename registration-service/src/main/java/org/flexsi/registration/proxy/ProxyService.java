package org.flexsi.registration.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flexsi.contracts.events.ProxyLinked;
import org.flexsi.contracts.events.ProxyUnlinked;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.registration.identity.IdDocument;
import org.flexsi.registration.identity.IdNumbers;
import org.flexsi.registration.identity.InvalidIdException;
import org.flexsi.registration.person.Person;

/** A proxy payer's list (R21): only registered persons, found by ID and name, each with a consent date. */
@ApplicationScoped
@Transactional
public class ProxyService {
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;

    public ProxyService(Outbox outbox, IdempotencyKeys idempotency) {
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    public Response addOnce(String key, String proxyId, ProxyRequests.Add request) {
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
            link.linkedAt = Instant.now();
            link.persist();
            outbox.publish(new ProxyLinked(person.personId.toString(), proxyId, link.consentDate, link.linkedAt));
            return ProxyEntry.of(link, person);
        });
    }

    /** An edit re-announces the link, so consumers see the new consent date. */
    public ProxyEntry edit(String proxyId, UUID personId, ProxyRequests.Edit request) {
        ProxyLink link = link(proxyId, personId);
        checkConsent(request.consentDate());
        link.consentDate = request.consentDate();
        link.relationship = request.relationship();
        outbox.publish(new ProxyLinked(personId.toString(), proxyId, link.consentDate, Instant.now()));
        return ProxyEntry.of(link, Person.findById(personId));
    }

    public void remove(String proxyId, UUID personId) {
        link(proxyId, personId).delete();
        outbox.publish(new ProxyUnlinked(personId.toString(), proxyId, Instant.now()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProxyEntry> list(String proxyId) {
        return ProxyLink.listOf(proxyId).stream().map(link -> ProxyEntry.of(link, Person.findById(link.personId))).toList();
    }

    private static ProxyLink link(String proxyId, UUID personId) {
        return ProxyLink.of(proxyId, personId)
                .orElseThrow(() -> ProblemException.notFound("person " + personId + " is not on your list"));
    }

    private static void checkConsent(LocalDate consentDate) {
        if (consentDate.isAfter(LocalDate.now())) {
            throw ProblemException.invalid("consentDate", "must not be in the future");
        }
    }

    /** The person must be registered, and the name must match: a typo must not link a stranger. */
    private static Person registered(ProxyRequests.Add request) {
        IdDocument id;
        try {
            id = IdNumbers.check(request.idType(), request.idNumber());
        } catch (InvalidIdException e) {
            throw ProblemException.invalid("idNumber", e.getMessage());
        }
        return Person.byIdentity(id.type(), id.number())
                .filter(person -> person.name.equals(request.name().strip()))
                .orElseThrow(() -> ProblemException.ruleBroken("R3", "no registered person with this ID number and name;"
                        + " a person must be registered before anyone pays for them"));
    }
}
