package org.flexsi.console;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Stand-ins for the services' ops APIs, served by the console's own test instance (ConsolePagesTest points the
 * console's service URLs at itself): the shapes the real APIs answer, and the caller's token checked as theirs is.
 */
@Path("/fake")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ops")
public class FakeServices {
    /** version -> who published it; what the publish calls did. */
    static final Map<String, String> PUBLISHED = new ConcurrentHashMap<>();
    static final Map<String, String> STATUS_CHECKS = new ConcurrentHashMap<>();
    static final String PAYING_ID = "0b6f3c1e-8a57-4c1b-9a63-1d2f5e7a9b10";

    private final JsonWebToken token;

    public FakeServices(JsonWebToken token) {
        this.token = token;
    }

    @GET
    @Path("/api/v1/catalogues")
    public List<Map<String, Object>> catalogues() {
        String status = PUBLISHED.containsKey("370100-2031-v1") ? "PUBLISHED" : "DRAFT";
        return List.of(Map.of("version", "370100-2031-v1", "status", status, "createdBy", "ops-author",
                "createdAt", "2026-12-06T16:30:00Z", "definition", Map.of("region", "370100", "year", 2031,
                        "insurances", List.of(Map.of("insurance", "PENSION", "base", Map.of("floor", "4800.00"))))),
                Map.of("version", "370100-2031-v0", "status", "PUBLISHED", "createdBy", "ops-author", "publishedBy", "ops-li",
                        "createdAt", "2026-11-06T16:30:00Z", "publishedAt", "2026-11-07T16:30:00Z",
                        "definition", Map.of("region", "370100", "year", 2031,
                                "insurances", List.of(Map.of("insurance", "PENSION", "base", Map.of("floor", "4500.00"))))));
    }

    @POST
    @Path("/api/v1/admin/catalogues/{version}/publish")
    public Response publish(@PathParam("version") String version) {
        if ("ops-author".equals(token.getSubject())) {
            return Response.status(403).type("application/problem+json").entity(Map.of("status", 403, "title", "Forbidden",
                    "detail", "four eyes: a different ops user than the author (ops-author) must publish " + version)).build();
        }
        PUBLISHED.put(version, token.getSubject());
        return Response.ok(Map.of("version", version, "status", "PUBLISHED")).build();
    }

    @GET
    @Path("/api/v1/payments")
    public List<Map<String, Object>> payments(@QueryParam("status") String status) {
        if (!"PAYING".equals(status) && status != null) {
            return List.of();
        }
        return List.of(Map.of("paymentId", PAYING_ID, "personId", "P-370102-0001", "channel", "WECHAT", "status", "PAYING",
                "amount", "796.5", "createdAt", "2026-03-02T08:00:00Z"));
    }

    @GET
    @Path("/api/v1/payments/{id}")
    public Map<String, Object> payment(@PathParam("id") String id) {
        String status = STATUS_CHECKS.containsKey(id) ? "PAID" : "PAYING";
        return Map.of("paymentId", id, "personId", "P-370102-0001", "channel", "WECHAT", "status", status,
                "amount", "796.5", "createdAt", "2026-03-02T08:00:00Z");
    }

    @POST
    @Path("/api/v1/payments/{id}/status-check")
    public Map<String, Object> statusCheck(@PathParam("id") String id, @HeaderParam("Authorization") String authorization) {
        STATUS_CHECKS.put(id, token.getSubject());
        return Map.of("paymentId", id, "status", "PAID");
    }

    @GET
    @Path("/api/v1/ops/issues")
    public List<Object> issues() {
        return List.of();
    }

    @GET
    @Path("/api/v1/rights/at-risk")
    public Map<String, Object> atRisk() {
        return Map.of("records", List.of(Map.of("recordId", "RS-1", "status", "OVERDUE", "paymentId", PAYING_ID,
                "agency", "PENSION", "amount", "100", "deadline", "2026-03-05")), "count", 1);
    }

    /** Replays as rights-sync counts them: dry runs, and real runs once per idempotency key. */
    static final Map<String, Integer> REAL_REPLAYS = new ConcurrentHashMap<>();
    static final java.util.concurrent.atomic.AtomicInteger DRY_RUNS = new java.util.concurrent.atomic.AtomicInteger();

    @POST
    @Path("/api/v1/rights/replays")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> replay(@HeaderParam("Idempotency-Key") String key, Map<String, Object> request) {
        boolean dryRun = Boolean.TRUE.equals(request.get("dryRun"));
        if (dryRun) {
            DRY_RUNS.incrementAndGet();
        } else {
            REAL_REPLAYS.merge(key, 1, Integer::sum);
        }
        return Map.of("dryRun", dryRun, "records", 1, "recordIds", List.of("RS-1"));
    }

    @GET
    @Path("/api/v1/rights/rejected")
    public Map<String, Object> rejected() {
        return Map.of("records", List.of(), "count", 0);
    }

    @GET
    @Path("/api/v1/rights/records")
    public Map<String, Object> records() {
        return Map.of("records", List.of(), "count", 0);
    }

    @GET
    @Path("/api/v1/certificates")
    public List<Object> certificates() {
        return List.of();
    }

    /** "topic/partition/offset" -> who replayed or parked it, and how. */
    static final Map<String, String> DEAD_LETTER_ACTIONS = new ConcurrentHashMap<>();

    @GET
    @Path("/api/v1/ops/dead-letters")
    public List<Map<String, Object>> deadLetters(@QueryParam("state") String state) {
        String done = DEAD_LETTER_ACTIONS.get("flexsi.payment.dlq/2/7");
        String shownState = done == null ? "OPEN" : done.split(" ")[0];
        if (!"ALL".equals(state) && !shownState.equals(state)) {
            return List.of();
        }
        return List.of(Map.ofEntries(Map.entry("topic", "flexsi.payment.dlq"), Map.entry("partition", 2), Map.entry("offset", 7),
                Map.entry("originalTopic", "flexsi.payment"), Map.entry("key", "P-370102-0001"),
                Map.entry("eventType", "org.flexsi.payment.refunded.v1"), Map.entry("reason", "refund R-1 of unknown payment"),
                Map.entry("parkedAt", "2026-03-02T08:00:00Z"), Map.entry("headers", Map.of("ce_id", "e-1")),
                Map.entry("payloadExcerpt", "{\"refundId\":\"R-1\"}"), Map.entry("state", shownState)));
    }

    @POST
    @Path("/api/v1/ops/dead-letters/{topic}/{partition}/{offset}/replay")
    public Map<String, Object> replayDeadLetter(@PathParam("topic") String topic, @PathParam("partition") int partition,
            @PathParam("offset") long offset) {
        DEAD_LETTER_ACTIONS.put(topic + "/" + partition + "/" + offset, "REPLAYED " + token.getSubject());
        return Map.of("state", "REPLAYED");
    }

    @POST
    @Path("/api/v1/ops/dead-letters/{topic}/{partition}/{offset}/park")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> parkDeadLetter(@PathParam("topic") String topic, @PathParam("partition") int partition,
            @PathParam("offset") long offset, Map<String, Object> body) {
        DEAD_LETTER_ACTIONS.put(topic + "/" + partition + "/" + offset, "PARKED " + token.getSubject() + " " + body.get("note"));
        return Map.of("state", "PARKED");
    }

    /** The calendar as rights-sync would hold it: this year loaded, drafts by year, published years. */
    static final Map<Integer, Map<String, Object>> CALENDAR_DRAFTS = new ConcurrentHashMap<>();
    static final Map<Integer, String> CALENDAR_PUBLISHED = new ConcurrentHashMap<>();

    @GET
    @Path("/api/v1/calendar/{year}")
    @jakarta.annotation.security.PermitAll
    public Response calendarYear(@PathParam("year") int year) {
        if (year != java.time.LocalDate.now(Fmt.CHINA).getYear()) {
            return Response.status(422).type("application/problem+json").entity(Map.of("status", 422, "title", "not loaded")).build();
        }
        return Response.ok(Map.of("year", year, "source", "State Council notice", "offDays", List.of(year + "-10-01"),
                "workDays", List.of(year + "-09-28"))).build();
    }

    @GET
    @Path("/api/v1/calendar/{year}/draft")
    public Response calendarDraft(@PathParam("year") int year) {
        Map<String, Object> draft = CALENDAR_DRAFTS.get(year);
        return draft == null ? Response.status(404).type("application/problem+json").entity(Map.of("status", 404)).build()
                : Response.ok(draft).build();
    }

    @jakarta.ws.rs.PUT
    @Path("/api/v1/calendar/{year}")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public Response uploadCalendar(@PathParam("year") int year, Map<String, Object> body) {
        Map<String, Object> draft = new java.util.HashMap<>(body);
        draft.put("year", year);
        draft.put("draftId", "d-" + year);
        draft.put("uploadedBy", token.getSubject());
        draft.put("uploadedAt", "2026-12-07T02:00:00Z");
        CALENDAR_DRAFTS.put(year, draft);
        return Response.accepted(draft).build();
    }

    @POST
    @Path("/api/v1/calendar/{year}/publish")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    public Response publishCalendar(@PathParam("year") int year, Map<String, Object> body) {
        Map<String, Object> draft = CALENDAR_DRAFTS.get(year);
        if (draft == null || !draft.get("draftId").equals(body.get("draftId"))) {
            return Response.status(409).type("application/problem+json").entity(Map.of("status", 409, "title", "Conflict")).build();
        }
        if (token.getSubject().equals(draft.get("uploadedBy"))) {
            return Response.status(403).type("application/problem+json").entity(Map.of("status", 403, "title", "Forbidden",
                    "detail", "four eyes: the operator who uploaded the draft cannot publish it")).build();
        }
        CALENDAR_DRAFTS.remove(year);
        CALENDAR_PUBLISHED.put(year, token.getSubject());
        return Response.ok(Map.of("year", year)).build();
    }
}
