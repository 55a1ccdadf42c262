package org.flexsi.benchmarks;

import org.flexsi.deploy.client.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The setup: this year's catalogue, persons registered in bulk by the agency, one open assessment each. */
final class Population {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final String JINAN = "370100";
    private static final int BULK_ROWS = 500;
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    /** A person ready to pay: his token and the serial number of his open assessment. */
    record Payer(String personId, String token, String assessmentSerial) {
    }

    private final Stack stack;

    Population(Stack stack) {
        this.stack = stack;
    }

    /** Drafts this year's Jinan catalogue as one ops user and publishes it as another, unless one is published. */
    String ensureCatalogue() {
        int year = LocalDate.now(BEIJING).getYear();
        String base = stack.url("assessment") + "/api/v1";
        Http.Answer list = stack.get(base + "/catalogues?region=" + JINAN + "&year=" + year, stack.token("ops", "ops-bench-a"));
        require(list, 200, "catalogue list");
        for (JsonNode version : list.body()) {
            if ("PUBLISHED".equals(version.path("status").asText())) {
                return version.path("version").asText() + " (already published)";
            }
        }
        Http.Answer draft = stack.post(base + "/admin/catalogues", stack.token("ops", "ops-bench-a"), catalogue(year));
        require(draft, 201, "catalogue draft");
        String version = draft.body().path("version").asText();
        require(stack.post(base + "/admin/catalogues/" + version + "/publish", stack.token("ops", "ops-bench-b"), "{}"), 200,
                "catalogue publication (four eyes: another ops user)");
        return version + " (published now)";
    }

    /** Registers {@code count} new persons in Jinan, enrolled in pension from this month; already known ID numbers are skipped. */
    List<String> register(int count) {
        String url = stack.url("registration") + "/api/v1/persons/bulk";
        String agency = stack.token("agency", "jinan-pension");
        ResidentIdNumbers ids = new ResidentIdNumbers("370102", new Random());
        Set<String> used = new HashSet<>();
        List<String> personIds = new ArrayList<>();
        String today = LocalDate.now(BEIJING).toString();
        String month = YearMonth.now(BEIJING).toString();
        int attempts = 0;
        while (personIds.size() < count) {
            if (++attempts > count / BULK_ROWS + 10) {
                throw new IllegalStateException("could not register " + count + " persons, got " + personIds.size());
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rows.size() < Math.min(BULK_ROWS, count - personIds.size())) {
                String idNumber = ids.next();
                if (used.add(idNumber)) {
                    rows.add(Map.of("idType", "RESIDENT_ID", "idNumber", idNumber, "name", "王芳", "region", JINAN,
                            "mobile", "13800000000", "enrolmentDate", today,
                            "enrolments", List.of(Map.of("insurance", "PENSION", "firstMonth", month, "base", "5000.00"))));
                }
            }
            Http.Answer result = stack.post(url, agency, rows);
            require(result, 200, "bulk registration");
            for (JsonNode row : result.body().path("rows")) {
                switch (row.path("status").asText()) {
                    case "REGISTERED" -> personIds.add(row.path("personId").asText());
                    case "ALREADY_REGISTERED" -> { } // someone of an earlier run: he may have paid already
                    default -> throw new IllegalStateException("bulk registration refused a row: " + row);
                }
            }
        }
        return personIds;
    }

    /** One open assessment per person (pension, this month, base 5000.00), retried until assessment-service has seen the registration. */
    ConcurrentLinkedQueue<Payer> assess(List<String> personIds, int concurrency) {
        ConcurrentLinkedQueue<Payer> payers = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String personId : personIds) {
                done.add(pool.submit(() -> payers.add(assess(personId))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return payers;
    }

    private Payer assess(String personId) {
        String token = stack.token("contributor", personId);
        Map<String, Object> body = Map.of("personId", personId, "months", List.of(YearMonth.now(BEIJING).toString()),
                "insurances", List.of(Map.of("insurance", "PENSION", "base", "5000.00")));
        String key = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(EVENTUALLY);
        Http.Answer answer;
        do {
            answer = stack.post(stack.url("assessment") + "/api/v1/assessments", token, body, key);
            if (answer.status() == 201) {
                return new Payer(personId, token, answer.body().path("serialNumber").asText());
            }
            sleep(250);
        } while (Instant.now().isBefore(deadline));
        throw new IllegalStateException("assessment of " + personId + " failed: " + answer);
    }

    private static String catalogue(int year) {
        try (InputStream in = Population.class.getResourceAsStream("/catalogue-jinan.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).formatted(year);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(Http.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer);
        }
    }

    static void sleep(long millis) {
        sleep(millis, 0);
    }

    static void sleep(long millis, int nanos) {
        try {
            Thread.sleep(millis, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
