package org.flexsi.assessment.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.flexsi.contracts.events.CataloguePublished;
import org.flexsi.platform.audit.AccessAudit;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.outbox.Outbox;
import org.flexsi.platform.problem.Problem;
import org.flexsi.platform.problem.ProblemException;
import org.flexsi.platform.security.Caller;

/** Operations' two-step catalogue life cycle: a draft by one ops user, published by another, then immutable. */
@ApplicationScoped
@Transactional
public class CatalogueService {
    private final CatalogueRepository catalogues;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;
    private final Clock clock;
    private final AccessAudit audit;

    public CatalogueService(CatalogueRepository catalogues, IdempotencyKeys idempotency, Outbox outbox, Clock clock,
            AccessAudit audit) {
        this.audit = audit;
        this.catalogues = catalogues;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Response createDraft(Catalogue definition, String createdBy, String idempotencyKey) {
        IdempotencyKeys.require(idempotencyKey);
        List<Problem.FieldError> errors = CatalogueValidator.check(definition);
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "validation", "Invalid catalogue", errors.get(0).field() + ": "
                    + errors.get(0).message()).withErrors(errors));
        }
        return idempotency.once("catalogue-draft:" + createdBy, idempotencyKey, definition, 201, () -> {
            String version = catalogues.nextVersion(definition.region(), definition.year());
            catalogues.insertDraft(version, definition, createdBy, clock.instant());
            return CatalogueView.of(catalogues.find(version).orElseThrow());
        });
    }

    /** Four eyes: a second ops user publishes; the decision is written to the access audit (issue 17). */
    public CatalogueView publish(String version, Caller caller) {
        String publishedBy = caller.subject();
        CatalogueVersion draft = catalogues.forUpdate(version)
                .orElseThrow(() -> ProblemException.notFound("no catalogue version " + version));
        if (draft.published()) {
            throw ProblemException.conflict("catalogue-published", version + " is already published and cannot change");
        }
        if (draft.createdBy().equals(publishedBy)) {
            throw ProblemException.forbidden("four eyes: a different ops user than the author (" + draft.createdBy()
                    + ") must publish " + version);
        }
        catalogues.publish(version, publishedBy, clock.instant());
        audit.record(caller, "catalogue-publish", "catalogue", version);
        CatalogueVersion published = catalogues.find(version).orElseThrow();
        Catalogue c = published.definition();
        outbox.publish(new CataloguePublished(version, c.region(), c.year(),
                c.insurances().stream().map(s -> s.insurance().name()).toList(), c.effectiveFrom(), publishedBy,
                published.publishedAt()));
        return CatalogueView.of(published);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CatalogueView find(String version) {
        return catalogues.find(version).map(CatalogueView::of)
                .orElseThrow(() -> ProblemException.notFound("no catalogue version " + version));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CatalogueView> list(String region, Integer year) {
        return catalogues.list(region, year).stream().map(CatalogueView::of).toList();
    }
}
