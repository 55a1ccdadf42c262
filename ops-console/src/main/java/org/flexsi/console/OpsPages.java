package org.flexsi.console;

import static org.flexsi.console.Backend.body;
import static org.flexsi.console.Backend.query;
import static org.flexsi.console.Backend.segment;
import static org.flexsi.console.Views.data;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The work pages. Each reads from and acts through the service that owns the data; what the service refuses is
 * shown with its own words and status. Actions are forms (POST, CSRF token) answered by a redirect to the page
 * that shows the result.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class OpsPages {
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z-]{1,40}");
    private static final Pattern RECORD_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

    private final Backend backend;
    private final Current current;
    private final Views views;
    private final Texts texts;
    private final ConsoleConfig config;

    public OpsPages(Backend backend, Current current, Views views, Texts texts, ConsoleConfig config) {
        this.config = config;
        this.backend = backend;
        this.current = current;
        this.views = views;
        this.texts = texts;
    }

    // ---- payments

    @GET
    @Path("payments")
    public Response payments(@QueryParam("status") String status, @QueryParam("channel") String channel,
            @QueryParam("personId") String personId, @QueryParam("paymentId") String paymentId) {
        current.requireSignedIn();
        if (paymentId != null && !paymentId.isBlank()) {
            return views.seeOther("/payments/" + segment(paymentId.trim()), null);
        }
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("status", status);
        filter.put("channel", channel);
        filter.put("personId", personId);
        Backend.Answer list = backend.get("payment", "/api/v1/payments" + query(filter));
        return views.page("payments", data("payments", list.list(null), "error", list.ok() ? null : list.summary(),
                "status", nz(status), "channel", nz(channel), "personId", nz(personId),
                "statuses", List.of("PAYING", "PAID", "FAILED", "EXPIRED", "HELD", "REFUNDED", "REVERSED"),
                "channels", List.of("WECHAT", "ALIPAY", "UNIONPAY", "BANK_COUNTER", "BANK_DEBIT")));
    }

    @GET
    @Path("payments/{paymentId}")
    public Response payment(@PathParam("paymentId") String paymentId) {
        current.requireSignedIn();
        Backend.Answer payment = backend.get("payment", "/api/v1/payments/" + segment(paymentId));
        if (!payment.ok()) {
            throw new ConsoleException.ServiceRefused(payment);
        }
        Backend.Answer rights = backend.get("rights-sync", "/api/v1/rights/records?paymentId=" + segment(paymentId));
        Backend.Answer certificates = backend.get("certificate", "/api/v1/certificates?paymentId=" + segment(paymentId));
        return views.page("payment", data("p", payment.map(), "rights", rights.list("records"),
                "rightsError", rights.ok() ? null : rights.summary(), "certificates", certificates.list(null),
                // a certificate not yet available (409) is a state, not a failure
                "certificatesError", certificates.ok() || certificates.status() == 409 ? null : certificates.summary(),
                "certificateBase", config.services().get("certificate")));
    }

    @POST
    @Path("payments/{paymentId}/status-check")
    public Response statusCheck(@PathParam("paymentId") String paymentId, @FormParam("csrf") String csrf) {
        current.requireForm(csrf);
        requireShape(paymentId, UUID_TEXT);
        Backend.Answer checked = backend.act("payment", "/api/v1/payments/" + segment(paymentId) + "/status-check", null, null);
        return views.seeOther("/payments/" + segment(paymentId), notice("status_checked") + " " + checked.map().get("status"));
    }

    // ---- reconciliation and ops issues

    @GET
    @Path("reconciliation")
    public Response reconciliation(@QueryParam("state") String state, @QueryParam("channel") String channel) {
        current.requireSignedIn();
        String shownState = state == null ? "OPEN" : state;
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("state", shownState);
        filter.put("channel", channel);
        Backend.Answer issues = backend.get("payment", "/api/v1/ops/issues" + query(filter));
        return views.page("reconciliation", data("issues", issues.list(null), "error", issues.ok() ? null : issues.summary(),
                "state", shownState, "channel", nz(channel), "run", null));
    }

    @POST
    @Path("reconciliation/run")
    public Response reconcile(@FormParam("csrf") String csrf, @FormParam("channel") String channel,
            @FormParam("day") String day, @FormParam("bankId") String bankId) {
        current.requireForm(csrf);
        Backend.Answer run = backend.act("payment", "/api/v1/ops/reconciliations",
                body("channel", channel, "day", day, "bankId", blankToNull(bankId)), null);
        Backend.Answer issues = backend.get("payment", "/api/v1/ops/issues?state=OPEN");
        return views.page("reconciliation", data("issues", issues.list(null), "error", issues.ok() ? null : issues.summary(),
                "state", "OPEN", "channel", "", "run", run.map()));
    }

    @POST
    @Path("reconciliation/issues/{issueId}/resolution")
    public Response resolveIssue(@PathParam("issueId") String issueId, @FormParam("csrf") String csrf,
            @FormParam("note") String note) {
        current.requireForm(csrf);
        requireShape(issueId, UUID_TEXT);
        backend.act("payment", "/api/v1/ops/issues/" + segment(issueId) + "/resolution", body("resolution", note), null);
        return views.seeOther("/reconciliation", notice("resolved_ok"));
    }

    // ---- rights deadlines

    @GET
    @Path("rights")
    public Response rights() {
        current.requireSignedIn();
        Backend.Answer atRisk = backend.get("rights-sync", "/api/v1/rights/at-risk");
        Backend.Answer rejected = backend.get("rights-sync", "/api/v1/rights/rejected");
        return views.page("rights", data("atRisk", atRisk.list("records"), "rejected", rejected.list("records"),
                "error", atRisk.ok() && rejected.ok() ? null : (atRisk.ok() ? rejected : atRisk).summary(),
                "replay", null, "criteria", data("recordId", "", "personId", "", "region", "", "from", "", "to", "", "agency", "")));
    }

    /**
     * Replay in two steps: without {@code confirm} a dry run shows what would be sent and offers the same criteria
     * with a key for the real run; with it, the records are sent (once per key, however often the form is posted).
     */
    @POST
    @Path("rights/replay")
    public Response replay(@FormParam("csrf") String csrf, @FormParam("recordId") String recordId,
            @FormParam("personId") String personId, @FormParam("region") String region, @FormParam("from") String from,
            @FormParam("to") String to, @FormParam("agency") String agency, @FormParam("confirm") String confirm,
            @FormParam("key") String key) {
        current.requireForm(csrf);
        boolean real = "true".equals(confirm);
        Map<String, Object> request = body("recordId", blankToNull(recordId), "personId", blankToNull(personId),
                "region", blankToNull(region), "from", blankToNull(from), "to", blankToNull(to),
                "agency", blankToNull(agency), "dryRun", !real);
        Backend.Answer answer = backend.act("rights-sync", "/api/v1/rights/replays", request,
                real ? key : UUID.randomUUID().toString());
        Backend.Answer atRisk = backend.get("rights-sync", "/api/v1/rights/at-risk");
        Backend.Answer rejected = backend.get("rights-sync", "/api/v1/rights/rejected");
        return views.page("rights", data("atRisk", atRisk.list("records"), "rejected", rejected.list("records"),
                "error", null, "replay", answer.map(), "key", UUID.randomUUID().toString(),
                "criteria", data("recordId", nz(recordId), "personId", nz(personId), "region", nz(region), "from", nz(from),
                        "to", nz(to), "agency", nz(agency))));
    }

    @POST
    @Path("rights/rejected/{recordId}/resolution")
    public Response resolveRejection(@PathParam("recordId") String recordId, @FormParam("csrf") String csrf,
            @FormParam("action") String action, @FormParam("note") String note) {
        current.requireForm(csrf);
        requireShape(recordId, RECORD_ID);
        backend.act("rights-sync", "/api/v1/rights/rejected/" + segment(recordId) + "/resolution",
                body("action", action, "note", blankToNull(note)), null);
        return views.seeOther("/rights", notice("resolved_ok"));
    }

    // ---- refunds and payouts

    @GET
    @Path("refunds")
    public Response refunds(@QueryParam("refundId") String refundId) {
        current.requireSignedIn();
        Map<String, Object> refund = null;
        String error = null;
        if (refundId != null && !refundId.isBlank()) {
            Backend.Answer found = backend.get("payment", "/api/v1/refunds/" + segment(refundId.trim()));
            if (found.ok()) {
                refund = found.map();
            } else {
                error = found.summary();
            }
        }
        Backend.Answer failed = backend.get("payment", "/api/v1/ops/issues?state=OPEN&kind=REFUND_PAYOUT_FAILED");
        return views.page("refunds", data("refund", refund, "refundId", nz(refundId), "error", error,
                "failed", failed.list(null)));
    }

    // ---- batch debit

    @GET
    @Path("debit")
    public Response debit(@QueryParam("bankId") String bankId) {
        current.requireSignedIn();
        Backend.Answer batches = backend.get("payment", "/api/v1/ops/debit-batches" + query(Map.of("bankId", nz(bankId))));
        return views.page("debit", data("batches", batches.list(null), "bankId", nz(bankId),
                "error", batches.ok() ? null : batches.summary(), "key", UUID.randomUUID().toString()));
    }

    @POST
    @Path("debit/{batchId}/resend")
    public Response resend(@PathParam("batchId") String batchId, @FormParam("csrf") String csrf, @FormParam("key") String key) {
        current.requireForm(csrf);
        requireShape(batchId, UUID_TEXT);
        backend.act("payment", "/api/v1/ops/debit-batches/" + segment(batchId) + "/resend", null, key);
        return views.seeOther("/debit", notice("resent_ok"));
    }

    // ---- catalogue

    @GET
    @Path("catalogue")
    public Response catalogue() {
        current.requireSignedIn();
        Backend.Answer catalogues = backend.get("assessment", "/api/v1/catalogues");
        List<Object> all = catalogues.list(null);
        List<Map<String, Object>> diffs = new java.util.ArrayList<>();
        for (Object draft : all) {
            if ("DRAFT".equals(OverviewPage.field(draft, "status"))) {
                Object definition = OverviewPage.field(draft, "definition");
                // the version a publication would replace: the latest published one of the same region and year
                Object published = all.stream().filter(c -> "PUBLISHED".equals(OverviewPage.field(c, "status"))
                                && sameRegionAndYear(OverviewPage.field(c, "definition"), definition))
                        .max(java.util.Comparator.comparing(c -> String.valueOf(OverviewPage.field(c, "publishedAt")))).orElse(null);
                diffs.add(data("version", OverviewPage.field(draft, "version"),
                        "against", published == null ? null : OverviewPage.field(published, "version"),
                        "lines", CatalogueDiff.of(published == null ? null : OverviewPage.field(published, "definition"), definition)));
            }
        }
        return views.page("catalogue", data("catalogues", all, "diffs", diffs,
                "error", catalogues.ok() ? null : catalogues.summary()));
    }

    /** Publishing is the second pair of eyes: the service refuses the draft's own author, and the page says so. */
    @POST
    @Path("catalogue/{version}/publish")
    public Response publish(@PathParam("version") String version, @FormParam("csrf") String csrf) {
        current.requireForm(csrf);
        requireShape(version, VERSION);
        backend.act("assessment", "/api/v1/admin/catalogues/" + segment(version) + "/publish", null, null);
        return views.seeOther("/catalogue", notice("published_ok") + " " + version);
    }

    // ----

    /** A message of the session's language, for a notice shown on the next page. */
    private String notice(String key) {
        return texts.of(current.session(), key);
    }

    private static boolean sameRegionAndYear(Object one, Object other) {
        return java.util.Objects.equals(OverviewPage.field(one, "region"), OverviewPage.field(other, "region"))
                && java.util.Objects.equals(String.valueOf(OverviewPage.field(one, "year")), String.valueOf(OverviewPage.field(other, "year")));
    }

    private static void requireShape(String value, Pattern shape) {
        if (value == null || !shape.matcher(value).matches()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
