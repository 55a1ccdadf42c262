package org.flexsi.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.flexsi.deploy.client.Http;
import org.flexsi.deploy.client.ResidentIds;

/**
 * {@code deploy/stack demo}: makes a fresh stack show the whole flow. The bundled catalogues are the seed years'
 * (2020-2023), so nobody can be assessed this year until operations publish this year's standards. The demo
 * publishes, for every seed region that has none, the seed's figures as this year's catalogue, marked as a
 * demonstration in its {@code source}, by two demo operators (four eyes). Then it walks one new person per seed
 * region through registration, assessment, an online payment, the certificate and the agency's confirmation, and
 * prints what happened and where to look. It touches nothing but its own persons; each run makes new ones.
 */
public final class Demo {
    public static final String DEMO_MARK = "DEMONSTRATION, not official: the seed's figures of ";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Duration EVENTUALLY = Duration.ofSeconds(120);
    private static final String OPERATOR_DRAFTS = "demo-operator-a";
    private static final String OPERATOR_PUBLISHES = "demo-operator-b";

    /** One seed region: where its figures come from and how its contributor chooses a base. */
    record Region(String name, String code, String seedVersion, int yearStartMonth, String district, String agency,
            Map<String, Object> pension) {
    }

    static final List<Region> REGIONS = List.of(
            new Region("Wuhan", "420100", "420100-2022-v1", 7, "420106", "wuhan-pension", Map.of("grade", "60")),
            new Region("Jiangxi", "360000", "360000-2020-v1", 1, "360102", "jiangxi-pension", Map.of("grade", "60")),
            new Region("Jinan", "370100", "370100-2022-v1", 1, "370102", "jinan-pension", Map.of("base", "5000.00")),
            new Region("Weifang", "370700", "370700-2023-v1", 1, "370702", "weifang-pension", Map.of("base", "3980.00")));

    /** What one region's walk produced. */
    /** {@code certificate} is its number, or when its region makes it wait (R22) the day it becomes available. */
    public record Walk(String region, String personId, String serial, String total, String paymentId,
            String certificate, String verificationUrl, String rights) {
    }

    private final Function<String, String> urls;
    private final BiFunction<String, String, String> tokens;
    private final Clock clock;
    private final PrintStream out;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param urls   base URL of a service by name (registration, assessment, payment, certificate, rights-sync)
     * @param tokens a signed bearer token (without "Bearer ") for a role and subject
     */
    public Demo(Function<String, String> urls, BiFunction<String, String, String> tokens, Clock clock, PrintStream out) {
        this.urls = urls;
        this.tokens = tokens;
        this.clock = clock;
        this.out = out;
    }

    public List<Walk> run() {
        List<Walk> walks = new ArrayList<>();
        for (Region region : REGIONS) {
            out.printf("%s (%s): %s%n", region.name(), region.code(), ensureCatalogue(region));
        }
        for (Region region : REGIONS) {
            Walk walk = walk(region);
            walks.add(walk);
            out.printf("%-8s person %s  assessment %s  %s yuan  payment %s  certificate %s  rights %s%n", walk.region(),
                    walk.personId(), walk.serial(), walk.total(), walk.paymentId(), walk.certificate(), walk.rights());
        }
        out.println();
        out.println("Where to look:");
        for (Walk walk : walks) {
            if (walk.verificationUrl() == null) {
                out.printf("  %-8s certificate      %s%n", walk.region(), walk.certificate());
                continue;
            }
            out.printf("  %-8s certificate PDF  %s/api/v1/certificates/%s/pdf%n", walk.region(), urls.apply("certificate"),
                    walk.certificate());
            out.printf("  %-8s                  (token: deploy/stack token --role contributor --sub %s)%n", "", walk.personId());
            out.printf("  %-8s its QR code      %s%n", "", walk.verificationUrl());
        }
        out.printf("  rights records   %s/api/v1/rights/records (token: deploy/stack token --role ops --sub alice)%n",
                urls.apply("rights-sync"));
        out.printf("  ops console      http://127.0.0.1:8086 (sign in with an ops token)%n");
        return walks;
    }

    /** This year's catalogue of the region: the published one if there is one, else the seed's figures as a demo. */
    String ensureCatalogue(Region region) {
        YearMonth now = YearMonth.now(clock.withZone(CHINA));
        int year = now.getMonthValue() >= region.yearStartMonth() ? now.getYear() : now.getYear() - 1;
        String reader = tokens.apply("ops", OPERATOR_DRAFTS);
        Http.Answer existing = Http.get(urls.apply("assessment") + "/api/v1/catalogues?region=" + region.code()
                + "&year=" + year, reader);
        require(existing, 200, "catalogues of " + region.code());
        for (JsonNode catalogue : existing.body()) {
            if ("PUBLISHED".equals(catalogue.path("status").asText())) {
                boolean demo = catalogue.path("definition").path("source").asText().startsWith(DEMO_MARK);
                return "catalogue " + catalogue.path("version").asText() + " already published"
                        + (demo ? " (a demonstration)" : " (official)");
            }
        }
        Http.Answer seed = Http.get(urls.apply("assessment") + "/api/v1/catalogues/" + region.seedVersion(), reader);
        require(seed, 200, "seed catalogue " + region.seedVersion());
        ObjectNode definition = (ObjectNode) seed.body().path("definition");
        int seedYear = definition.path("year").asInt();
        YearMonth first = YearMonth.of(year, region.yearStartMonth());
        definition.put("year", year);
        definition.put("firstMonth", first.toString());
        definition.put("lastMonth", first.plusMonths(11).toString());
        definition.put("effectiveFrom", first.atDay(1).toString());
        definition.put("source", DEMO_MARK + seedYear + " restated for " + year + ". " + definition.path("source").asText());
        if (definition.path("window").isObject()) {
            ((ObjectNode) definition.path("window")).set("deferrals", Http.JSON.createArrayNode());
        }
        Http.Answer draft = Http.post(urls.apply("assessment") + "/api/v1/admin/catalogues",
                tokens.apply("ops", OPERATOR_DRAFTS), withoutNulls(definition));
        require(draft, 201, "demo catalogue draft for " + region.code());
        String version = draft.body().path("version").asText();
        require(Http.post(urls.apply("assessment") + "/api/v1/admin/catalogues/" + version + "/publish",
                tokens.apply("ops", OPERATOR_PUBLISHES), "{}"), 200, "publication of " + version);
        return "published demonstration catalogue " + version + " (seed figures of " + seedYear + ", marked in its source)";
    }

    Walk walk(Region region) {
        String agency = tokens.apply("agency", region.agency());
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        String month = YearMonth.from(today).toString();
        Map<String, Object> pension = new LinkedHashMap<>(Map.of("insurance", "PENSION", "firstMonth", month));
        pension.putAll(region.pension());
        String personId = null;
        while (personId == null) {
            String idNumber = ResidentIds.of(region.district(), LocalDate.of(1985 + random.nextInt(10), 1 + random.nextInt(12),
                    1 + random.nextInt(28)), random.nextInt(1000));
            Map<String, Object> person = new LinkedHashMap<>(Map.of("idType", "RESIDENT_ID", "idNumber", idNumber,
                    "name", "演示" + region.name(), "mobile", "13800000000", "region", region.code(),
                    "enrolmentDate", today.toString(), "enrolments", List.of(pension)));
            if (!region.district().equals(region.code())) {
                person.put("district", region.district());
            }
            Http.Answer registered = Http.post(urls.apply("registration") + "/api/v1/persons", agency, person);
            if (registered.status() != 409) {
                require(registered, 201, "registration in " + region.name());
                personId = registered.body().path("personId").asText();
            }
        }
        String contributor = tokens.apply("contributor", personId);
        Map<String, Object> choice = new LinkedHashMap<>(Map.of("insurance", "PENSION"));
        choice.putAll(region.pension());
        Map<String, Object> assessment = Map.of("personId", personId, "months", List.of(month), "insurances", List.of(choice));
        String assessKey = UUID.randomUUID().toString();
        // assessment-service learns of the person from registration's events (until then R3): retry with the same key
        Http.Answer assessed = Http.until(() -> Http.post(urls.apply("assessment") + "/api/v1/assessments", contributor,
                assessment, assessKey), a -> a.status() == 201 || a.status() == 400
                        || (a.status() == 422 && !"R3".equals(a.body().path("rule").asText())), EVENTUALLY,
                "assessment in " + region.name());
        require(assessed, 201, "assessment in " + region.name());
        String serial = assessed.body().path("serialNumber").asText();
        String orderKey = UUID.randomUUID().toString();
        Http.Answer order = Http.until(() -> Http.post(urls.apply("payment") + "/api/v1/payments", contributor,
                Map.of("assessmentSerial", serial, "channel", "WECHAT"), orderKey), a -> a.status() == 201, EVENTUALLY,
                "payment order in " + region.name());
        require(Http.post(order.body().path("payUrl").asText(), null, "{\"outcome\":\"SUCCESS\"}"), 200,
                "payment at the provider");
        String paymentId = order.body().path("paymentId").asText();
        Http.until(() -> Http.get(urls.apply("payment") + "/api/v1/payments/" + paymentId, contributor),
                a -> a.status() == 200 && "PAID".equals(a.body().path("status").asText()), EVENTUALLY, "payment " + paymentId);
        // a certificate is issued at once, or, where the region makes it wait (R22), from a working day named in a 409
        Http.Answer certificates = Http.until(() -> Http.get(urls.apply("certificate") + "/api/v1/certificates?paymentId="
                + paymentId, contributor), a -> (a.status() == 200 && a.body() != null && a.body().size() > 0)
                        || (a.status() == 409 && a.body().has("availableFrom")), EVENTUALLY, "certificate of " + paymentId);
        String ops = tokens.apply("ops", "demo-operator-a");
        Http.Answer rights = Http.until(() -> Http.get(urls.apply("rights-sync") + "/api/v1/rights/records?paymentId="
                + paymentId, ops), a -> a.status() == 200 && a.raw().contains("CONFIRMED"), EVENTUALLY,
                "rights confirmation of " + paymentId);
        boolean issued = certificates.status() == 200;
        return new Walk(region.name(), personId, serial, assessed.body().path("total").asText(), paymentId,
                issued ? certificates.body().path(0).path("certificateNumber").asText()
                        : "available from " + certificates.body().path("availableFrom").asText() + " (R22)",
                issued ? certificates.body().path(0).path("verificationUrl").asText() : null, states(rights.body()));
    }

    private static String states(JsonNode records) {
        List<String> states = new ArrayList<>();
        JsonNode list = records.isArray() ? records : records.path("records");
        list.forEach(r -> states.add(r.path("agency").asText() + " " + r.path("status").asText(r.path("state").asText())));
        return String.join(", ", states);
    }

    /** The catalogue as read carries absent parts as nulls; a draft is written without them. */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Http.JSON.createObjectNode();
            node.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Http.JSON.createArrayNode();
            node.forEach(item -> copy.add(withoutNulls(item)));
            return copy;
        }
        return node;
    }

    private static void require(Http.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " failed: " + answer);
        }
    }
}
