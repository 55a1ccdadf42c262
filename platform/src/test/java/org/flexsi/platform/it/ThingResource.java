package org.flexsi.platform.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import io.quarkus.security.identity.SecurityIdentity;
import org.flexsi.platform.audit.AccessAudit;
import org.flexsi.platform.idempotency.IdempotencyKeys;
import org.flexsi.platform.security.AgencyIdentity;
import org.flexsi.platform.security.Caller;
import org.flexsi.platform.security.Roles;
import org.flexsi.platform.problem.ProblemException;

/** A write endpoint shaped like the services' ones, to test the cross-cutting parts through HTTP. */
@Path("/test/things")
public class ThingResource {
    public record NewThing(@NotBlank String name, @Pattern(regexp = "[0-9]{4}-[0-9]{2}") String month) {
    }

    public record Thing(String id, String name) {
    }

    /** What the platform made of the caller, as a service sees it. */
    public record Seen(String subject, String role, String agency) {
    }

    private final IdempotencyKeys idempotency;
    private final EntityManager em;
    private final SecurityIdentity identity;
    private final AccessAudit audit;

    public ThingResource(IdempotencyKeys idempotency, EntityManager em, SecurityIdentity identity, AccessAudit audit) {
        this.idempotency = idempotency;
        this.em = em;
        this.identity = identity;
        this.audit = audit;
    }

    /** A read confined to a region, audited like a reveal of personal data. */
    @GET
    @Path("regions/{region}")
    @RolesAllowed({Roles.AGENCY, Roles.OPS})
    @Transactional
    public Seen inRegion(@PathParam("region") String region) {
        Caller caller = Caller.of(identity);
        caller.requireRegion(region);
        audit.record(caller, "reveal-test", "region", region);
        return new Seen(caller.subject(), caller.role(), caller.agency().map(AgencyIdentity::id).orElse(null));
    }

    @POST
    @RolesAllowed("ops")
    @Transactional
    public Response create(@HeaderParam(IdempotencyKeys.HEADER) String key, @Valid NewThing thing) {
        return idempotency.once("things", key, thing, 201, () -> {
            if ("forbidden-name".equals(thing.name())) {
                throw ProblemException.ruleBroken("test-rule", "that name is not allowed");
            }
            String id = UUID.randomUUID().toString();
            em.createNativeQuery("insert into test_effect (event_id, person_id) values (?1, ?2)")
                    .setParameter(1, UUID.fromString(id)).setParameter(2, "thing:" + thing.name()).executeUpdate();
            return new Thing(id, thing.name());
        });
    }

    /** How many things of that name (or of the other) were made: a read that takes its text straight to the database. */
    @GET
    @Path("{name}")
    @RolesAllowed("ops")
    public long count(@PathParam("name") String name, @QueryParam("or") String other) {
        return ((Number) em.createNativeQuery("select count(*) from test_effect where person_id in (?1, ?2)")
                .setParameter(1, "thing:" + name).setParameter(2, "thing:" + other).getSingleResult()).longValue();
    }
}
