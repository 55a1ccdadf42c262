package org.flexsi.console;

import static org.flexsi.console.Views.data;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What needs an operator now, red or green, each number a link to the page that explains it. */
@Path("/")
public class OverviewPage {
    static final List<String> SERVICES = List.of("registration", "assessment", "payment", "certificate", "rights-sync");
    static final String OUTBOX_METRIC = "flexsi_outbox_oldest_unsent_seconds";
    /** Outbox lag above this is shown red: the relay publishes within seconds when it runs. */
    static final double OUTBOX_LAG_LIMIT_SECONDS = 60;

    private final Backend backend;
    private final Current current;
    private final Views views;
    private final ConsoleConfig config;

    public OverviewPage(Backend backend, Current current, Views views, ConsoleConfig config) {
        this.backend = backend;
        this.current = current;
        this.views = views;
        this.config = config;
    }

    @GET
    public Response overview() {
        current.requireSignedIn();
        Instant stuckBefore = Instant.now().minus(config.stuckAfter());
        Backend.Answer paying = backend.get("payment", "/api/v1/payments?status=PAYING");
        List<Object> stuck = paying.list(null).stream().filter(p -> createdBefore(p, stuckBefore)).toList();
        Backend.Answer held = backend.get("payment", "/api/v1/payments?status=HELD");
        Backend.Answer issues = backend.get("payment", "/api/v1/ops/issues?state=OPEN");
        Backend.Answer atRisk = backend.get("rights-sync", "/api/v1/rights/at-risk");
        long overdue = atRisk.list("records").stream().filter(r -> "OVERDUE".equals(field(r, "status"))).count();
        Backend.Answer catalogues = backend.get("assessment", "/api/v1/catalogues");
        long drafts = catalogues.list(null).stream().filter(c -> "DRAFT".equals(field(c, "status"))).count();

        List<Map<String, Object>> outbox = new ArrayList<>();
        for (String service : SERVICES) {
            Backend.Answer metrics = backend.getText(service, "/q/metrics");
            Double lag = metrics.ok() ? outboxLag(metrics.raw()) : null;
            outbox.add(data("service", service, "answers", metrics.ok(), "lag", lag == null ? "" : String.format("%.0f", lag),
                    "red", !metrics.ok() || (lag != null && lag > OUTBOX_LAG_LIMIT_SECONDS)));
        }
        List<Map<String, Object>> deadLetters = new ArrayList<>();
        for (String service : SERVICES) {
            Backend.Answer open = backend.get(service, "/api/v1/ops/dead-letters?state=OPEN");
            Map<String, Long> perTopic = new java.util.TreeMap<>();
            open.list(null).forEach(d -> perTopic.merge(String.valueOf(field(d, "topic")), 1L, Long::sum));
            deadLetters.add(data("service", service, "ok", open.ok(), "count", open.list(null).size(), "topics", perTopic,
                    "red", !open.ok() || !open.list(null).isEmpty()));
        }
        return views.page("overview", data("deadLetters", deadLetters,
                "stuck", tile(paying, stuck), "held", tile(held, held.list(null)),
                "issues", tile(issues, issues.list(null)),
                "atRisk", tile(atRisk, atRisk.list("records").stream().filter(r -> !"OVERDUE".equals(field(r, "status"))).toList()),
                "overdue", data("ok", atRisk.ok(), "count", overdue, "red", !atRisk.ok() || overdue > 0),
                "drafts", data("ok", catalogues.ok(), "count", drafts, "red", !catalogues.ok(), "amber", drafts > 0),
                "stuckList", stuck, "outbox", outbox));
    }

    private static Map<String, Object> tile(Backend.Answer answer, List<Object> items) {
        BigDecimal total = BigDecimal.ZERO;
        for (Object item : items) {
            Object amount = field(item, "amount");
            if (amount != null) {
                total = total.add(new BigDecimal(amount.toString()));
            }
        }
        return data("ok", answer.ok(), "count", items.size(), "total", total.toPlainString(),
                "red", !answer.ok() || !items.isEmpty(), "error", answer.ok() ? null : answer.summary());
    }

    static Object field(Object item, String name) {
        return item instanceof Map<?, ?> map ? map.get(name) : null;
    }

    private static boolean createdBefore(Object payment, Instant limit) {
        try {
            Object created = field(payment, "createdAt");
            return created != null && Instant.parse(created.toString()).isBefore(limit);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The largest value of the gauge over its series (one per relay); null when the service has none. */
    static Double outboxLag(String prometheusText) {
        Double max = null;
        for (String line : Objects.requireNonNullElse(prometheusText, "").split("\n")) {
            if (line.startsWith(OUTBOX_METRIC) && (line.length() == OUTBOX_METRIC.length()
                    || line.charAt(OUTBOX_METRIC.length()) == ' ' || line.charAt(OUTBOX_METRIC.length()) == '{')) {
                int labelsEnd = line.indexOf('}');
                String rest = line.substring(labelsEnd >= 0 ? labelsEnd + 1 : OUTBOX_METRIC.length()).trim();
                try {
                    // "value" or "value timestamp"
                    double value = Double.parseDouble(rest.split("\\s+")[0]);
                    max = max == null ? value : Math.max(max, value);
                } catch (NumberFormatException e) {
                    // not a sample line
                }
            }
        }
        return max;
    }

}
