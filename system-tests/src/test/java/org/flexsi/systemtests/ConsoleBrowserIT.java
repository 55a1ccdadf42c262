package org.flexsi.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flexsi.deploy.Stack;
import org.flexsi.deploy.StackOptions;
import org.flexsi.deploy.client.Http;
import org.flexsi.deploy.client.ResidentIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ops console in headless Chromium (Debian's, driven by Playwright) against the packaged services started
 * by the launcher, as an operator uses it: sign in, the overview, a payment stuck in PAYING resolved by a status
 * check, a reconciliation issue resolved with a note, a dead letter replayed after its fix, the four-eyes catalogue
 * publish, a rights record at risk replayed with a dry run and then for real, sign-in at an OpenID Connect provider,
 * and what is refused (a contributor's token, no token, a form without its CSRF token); and the public certificate
 * check page with its PDF upload. Each test leaves a screenshot in target/screenshots; look at them, a page can pass
 * its assertions and still be unreadable.
 */
// the rights test moves rights-sync's clock days ahead: it runs last, so no other test sees a moved clock
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");
    /** A second console, signing operators in at the simulators' identity provider (a port of this test's range). */
    private static final int OIDC_CONSOLE_PORT = 18088;
    private static final String OIDC_CLIENT_SECRET = "console-it-secret";
    private static Path root;
    private static Stack stack;
    private static boolean catalogueReady;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;
    private String testName;

    @BeforeAll
    static void start() throws Exception {
        root = Path.of(System.getProperty("flexsi.project.root", "..")).toAbsolutePath().normalize();
        // ports apart from a developer's stack and from the other system tests' databases
        stack = Stack.start(StackOptions.builder(root)
                .stateDir(root.resolve("system-tests/target/console-stack"))
                .servicePortBase(18081).simulatorsPort(18090).kafkaPorts(19092, 19093)
                .databasePrefix("flexsi_stc_").freshDatabases(true)
                .startTimeout(Duration.ofMinutes(6))
                // a payment without its callback is stuck for the console after 15 s, long before payment-service's
                // own sweeper (2 min) books it: the operator gets there first
                .extraEnv("FLEXSI_CONSOLE_STUCK_AFTER", "15s")
                // the rights test moves rights-sync's clock to a record's deadline (test stacks only), and waits for
                // the deadline monitor, a send after the agency's outage and a status poll: seconds, not minutes
                .extraEnv("FLEXSI_TEST_CLOCK_CONTROL", "true")
                .extraEnv("FLEXSI_RIGHTS_MONITOR_INTERVAL", "2s")
                .extraEnv("FLEXSI_RIGHTS_RETRY_MAX_DELAY", "5s")
                .extraEnv("FLEXSI_RIGHTS_BREAKER_OPEN_FOR", "5s")
                .extraEnv("FLEXSI_RIGHTS_POLL_AFTER", "5s")
                // the identity provider's client registration of the OpenID Connect console
                .extraEnv("SIM_IDP_CLIENT_SECRET", OIDC_CLIENT_SECRET)
                .build());
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(Path.of(System.getProperty("flexsi.chromium", "/usr/bin/chromium"))));
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void newBrowserWindow(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
        page = context.newPage();
    }

    @AfterEach
    void screenshot() {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(testName + ".png")).setFullPage(true));
        context.close();
    }

    private String console() {
        return stack.url(StackOptions.CONSOLE);
    }

    private void signIn(Page in, String token) {
        in.navigate(console() + "/sign-in");
        in.getByLabel("访问令牌").fill(token);
        in.locator("#sign-in").click();
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(testName + "-" + name + ".png")).setFullPage(true));
    }

    /** A draft through assessment's own API, as an operator would have written it; returns its version. */
    private static String draft(String author, int year) {
        Http.Answer draft = Http.post(stack.url("assessment") + "/api/v1/admin/catalogues", stack.token("ops", author),
                Catalogues.jinan(year));
        assertEquals(201, draft.status(), draft.toString());
        return draft.body().path("version").asText();
    }

    private static String catalogueStatus(String version) {
        Http.Answer found = Http.get(stack.url("assessment") + "/api/v1/catalogues/" + version, stack.token("ops", "ops-reader"));
        assertEquals(200, found.status(), found.toString());
        return found.body().path("status").asText();
    }

    @Test
    void anOperatorSignsInAndSeesTheOverview() {
        signIn(page, stack.token("ops", "ops-wang"));
        assertEquals(console() + "/", page.url());
        assertEquals("ops-wang", page.locator("#operator").textContent());
        assertEquals("zh-CN", page.locator("html").getAttribute("lang"));
        assertTrue(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("运维总览")).isVisible());
        // every service answers: no tile says it cannot reach one, and each outbox row is a number
        assertEquals(0, page.getByText("无法连接").count(), page.content());
        assertEquals(5, page.locator("#outbox tbody tr").count());
        assertTrue(page.locator("#tile-stuck .number").textContent().matches("\\d+"));
        // English is one button away, and stays for the session
        page.locator("#lang").click();
        assertTrue(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Operations overview")).isVisible());
        shot("english");
        page.locator("#lang").click();
    }

    @Test
    void aDraftIsPublishedByASecondOperatorAndRefusedForItsAuthor() {
        int year = 2031;
        String version = draft("ops-author", year);

        signIn(page, stack.token("ops", "ops-author"));
        page.navigate(console() + "/catalogue");
        // the reviewer sees what the draft changes: here all of it, as nothing is published for that year
        assertTrue(page.locator("#diff-" + version).textContent().contains("尚无已发布版本"));
        assertTrue(page.locator("#diff-table-" + version).textContent().contains("insurances[0].base.floor"));
        Response refused = page.waitForNavigation(() -> page.locator("#publish-" + version).click());
        assertTrue(refused.status() >= 400, "the author's publish is refused, status " + refused.status());
        assertTrue(page.locator("#service-answer").isVisible());
        shot("refused-for-author");
        assertEquals("DRAFT", catalogueStatus(version), "nothing was published");

        page.locator("#sign-out").click();
        assertEquals(console() + "/sign-in", page.url());
        signIn(page, stack.token("ops", "ops-second"));
        page.navigate(console() + "/catalogue");
        page.locator("#publish-" + version).click();
        assertTrue(page.locator("p.notice").textContent().contains(version), page.content());
        assertEquals("PUBLISHED", catalogueStatus(version));
        assertTrue(page.locator("#catalogue-" + version).textContent().contains("ops-second"));
    }

    /** Next year's calendar uploaded by one operator, refused to him for publication, published by a second one. */
    @Test
    void aCalendarYearIsUploadedAndPublishedByASecondOperator() {
        int next = java.time.LocalDate.now(CHINA).getYear() + 1;
        // the stack's broker keeps the compacted calendar topic between runs: this run's upload is told by its source
        String source = "system test " + java.util.UUID.randomUUID() + ": New Year's Day only, not official";
        signIn(page, stack.token("ops", "ops-uploader"));
        page.navigate(console() + "/calendar?year=" + next);
        page.getByLabel("依据").fill(source);
        page.locator("#cal-off").fill(next + "-01-01");
        page.locator("#upload-calendar").click();
        assertTrue(page.locator("p.notice").textContent().contains("草稿"), page.content());
        Response refused = page.waitForNavigation(() -> page.locator("#publish-calendar-" + next).click());
        assertEquals(403, refused.status(), "the uploader cannot publish his own upload");

        page.locator("#sign-out").click();
        signIn(page, stack.token("ops", "ops-reviewer"));
        page.navigate(console() + "/calendar?year=" + next);
        page.locator("#publish-calendar-" + next).click();
        Http.until(() -> Http.get(stack.url("rights-sync") + "/api/v1/calendar/" + next, null),
                a -> a.status() == 200 && source.equals(a.body().path("source").asText()), Duration.ofSeconds(30),
                "calendar " + next + " loaded");
        page.navigate(console() + "/calendar?year=" + next);
        assertTrue(page.locator("#year-" + next).getAttribute("class").contains("green"));
        assertTrue(page.locator("#year-" + next).textContent().contains(source));
        assertEquals("day off", page.locator("#d-" + next + "-01-01").getAttribute("class"));
        java.time.LocalDate weekday = java.time.LocalDate.of(next, 1, 2);
        while (weekday.getDayOfWeek().getValue() > 5) {
            weekday = weekday.plusDays(1);
        }
        assertEquals("day work", page.locator("#d-" + weekday).getAttribute("class"));
    }

    @Test
    void aContributorTokenAndNoTokenAreRefused() {
        page.navigate(console() + "/");
        assertEquals(console() + "/sign-in", page.url(), "without a session every page leads to sign-in");
        page.navigate(console() + "/catalogue");
        assertEquals(console() + "/sign-in", page.url());

        page.navigate(console() + "/sign-in");
        page.getByLabel("访问令牌").fill(stack.token("contributor", "P-370102-0001"));
        Response refused = page.waitForNavigation(() -> page.locator("#sign-in").click());
        assertEquals(403, refused.status());
        assertTrue(page.locator("#refusal").textContent().contains("运维角色"));
        shot("refusal");
        page.navigate(console() + "/");
        assertEquals(console() + "/sign-in", page.url(), "the refused token left no session");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        String version = draft("ops-author", 2032);
        signIn(page, stack.token("ops", "ops-second"));
        page.navigate(console() + "/catalogue");
        page.locator("#publish-" + version + " >> xpath=..").locator("input[name=csrf]").evaluate("input => input.remove()");
        Response refused = page.waitForNavigation(() -> page.locator("#publish-" + version).click());
        assertEquals(403, refused.status());
        assertTrue(page.locator("#refusal").textContent().contains("CSRF"));
        assertEquals("DRAFT", catalogueStatus(version), "nothing was published");
    }

    /**
     * Issue 19 part 2: the URL a certificate's QR code holds opens, in a browser, the Chinese check page; an API
     * client on the same URL still gets JSON. The certificate is real: a person registered by the Jinan agency, a
     * 2019 counter payment loaded as history, a certificate issued for that year.
     */
    /** A person registered by the Jinan pension agency; returns the person id. */
    private static String registerJinanPerson(String name, int serial) {
        java.time.LocalDate birth = java.time.LocalDate.of(1979, 4, 2);
        String idNumber = ResidentIds.of("370102", birth, serial);
        Map<String, Object> person = Map.of("idType", "RESIDENT_ID", "idNumber", idNumber, "name", name,
                "region", "370100", "mobile", "13800000000",
                "enrolmentDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(),
                "enrolments", java.util.List.of(Map.of("insurance", "PENSION",
                        "firstMonth", java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), "base", "5000.00")));
        String registrationKey = java.util.UUID.randomUUID().toString();
        Http.Answer registered = Http.until(() -> Http.post(stack.url("registration") + "/api/v1/persons",
                stack.token("agency", "jinan-pension"), person, registrationKey), a -> a.status() == 201,
                Duration.ofSeconds(90), "registration");
        return registered.body().path("personId").asText();
    }

    /** A 2019 counter payment of 604.80 loaded into certificate-service as history. */
    private static void loadHistory(String personId, String paymentId) {
        Map<String, Object> history = Map.of("records", java.util.List.of(Map.of("paymentId", paymentId, "personId", personId,
                "region", "370100", "channel", "BANK_COUNTER", "paidAt", "2019-03-01T02:00:00Z", "total", "604.80",
                "lines", java.util.List.of(Map.of("insurance", "PENSION", "months", java.util.List.of("2019-01"),
                        "base", "3024.00", "rate", "0.20", "amount", "604.80")))));
        Http.Answer loaded = Http.post(stack.url("certificate") + "/api/v1/payment-records/historical",
                stack.token("ops", "ops-history"), history);
        assertTrue(loaded.status() / 100 == 2, loaded.toString());
    }

    private static byte[] certificatePdf(String number) throws Exception {
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(stack.url("certificate") + "/api/v1/certificates/" + number + "/pdf"))
                .header("Authorization", "Bearer " + stack.token("ops", "ops-history")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        return pdf.body();
    }

    /**
     * Issue 19 part 2: the URL a certificate's QR code holds opens, in a browser, the Chinese check page; an API
     * client on the same URL still gets JSON; the PDF uploaded through the page's form is VALID as issued and MODIFIED
     * once a byte is changed. The certificate is real: a person registered by the Jinan agency, a 2019 counter payment
     * loaded as history, a certificate issued for that year.
     */
    @Test
    void theQrUrlOfARealCertificateOpensTheCheckPageShowingValidAndAnAlteredPdfIsModified() throws Exception {
        String personId = registerJinanPerson("周晓明", 471);
        String idNumber = ResidentIds.of("370102", java.time.LocalDate.of(1979, 4, 2), 471);
        String paymentId = "HIST-" + java.util.UUID.randomUUID();
        loadHistory(personId, paymentId);
        String issueKey = java.util.UUID.randomUUID().toString();
        // the person's name reaches certificate-service by event: retry until it has
        Http.Answer issued = Http.until(() -> Http.post(stack.url("certificate") + "/api/v1/certificates",
                stack.token("ops", "ops-history"), Map.of("personId", personId, "from", "2019-01-01", "to", "2019-12-31"),
                issueKey), a -> a.status() == 201, Duration.ofSeconds(90), "certificate for 2019");
        String number = issued.body().path("certificateNumber").asText();
        String qrUrl = stack.url("certificate") + "/api/v1/public/certificates/" + number + "?code="
                + issued.body().path("verificationCode").asText();

        // the certificate can be issued before the person's name has reached certificate-service by event; the
        // check page shows the masked name once it has
        Http.until(() -> Http.get(qrUrl, null), a -> a.status() == 200 && a.body() != null
                && !a.body().path("name").asText("").isEmpty(), Duration.ofSeconds(90), "the person's name at certificate-service");
        Response opened = page.navigate(qrUrl);
        assertEquals(200, opened.status());
        assertEquals("有效", page.locator("#verdict").textContent());
        String text = page.locator("main").textContent();
        assertTrue(text.contains(number) && text.contains("¥604.80") && text.contains("周") && !text.contains("晓明"), text);
        assertTrue(!text.contains(idNumber.substring(6, 14)), "no birth date digits of the ID number on the page");

        Http.Answer json = Http.get(qrUrl, null);
        assertEquals(200, json.status());
        assertEquals("ISSUED", json.body().path("status").asText(), "an API client still gets JSON");

        page.navigate(stack.url("certificate") + "/api/v1/public/certificates/" + number + "?code=WRONG0");
        assertEquals("无法核验", page.locator("#verdict").textContent());
        shot("unknown");

        // the PDF through the page's own upload form: as issued, then with one byte changed
        byte[] pdf = certificatePdf(number);
        page.navigate(qrUrl);
        page.getByLabel("缴费证明 PDF 文件").setInputFiles(new FilePayload("certificate.pdf", "application/pdf", pdf));
        page.waitForNavigation(() -> page.locator("#verify-upload").click());
        assertEquals("VALID", page.locator("#verdict").getAttribute("data-result"));
        assertTrue(page.locator("main").textContent().contains(number));
        byte[] altered = pdf.clone();
        altered[pdf.length / 3] ^= 0x01;
        page.getByLabel("缴费证明 PDF 文件").setInputFiles(new FilePayload("certificate.pdf", "application/pdf", altered));
        Response modified = page.waitForNavigation(() -> page.locator("#verify-upload").click());
        assertEquals(200, modified.status());
        assertEquals("MODIFIED", page.locator("#verdict").getAttribute("data-result"));
        assertEquals("已被修改", page.locator("#verdict").textContent());
        shot("modified");
        page.navigate(qrUrl);
    }

    /**
     * A refund announced before certificate-service knew its payment: certificate-service's consumer parks it on
     * flexsi.payment.dlq, the console shows it red with the reason; once the payment is loaded (the fix), the
     * operator replays it and the refund is applied.
     */
    @Test
    void aDeadLetterIsReplayedFromTheConsoleAfterItsCauseIsFixed() throws Exception {
        String personId = registerJinanPerson("吴国平", 472);
        String paymentId = "HIST-" + java.util.UUID.randomUUID();
        Map<String, Object> refund = Map.of("refundId", "R-" + java.util.UUID.randomUUID(), "paymentId", paymentId,
                "assessmentSerial", "HIST", "personId", personId, "region", "370100",
                "lines", java.util.List.of(Map.of("insurance", "PENSION", "months", java.util.List.of("2019-01"),
                        "base", "3024.00", "rate", "0.20", "amount", "100.00")),
                "total", "100.00", "reason", "overpaid at the counter", "refundedAt", "2019-03-05T02:00:00Z",
                "refundKind", "APPLICATION");
        publishPaymentEvent(personId, "org.flexsi.payment.refunded.v1", Http.JSON.writeValueAsString(refund));

        signIn(page, stack.token("ops", "ops-zhao"));
        String row = "#dead-letters tbody tr:has-text('" + paymentId + "')";
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(90);
        page.navigate(console() + "/dead-letters?service=certificate");
        while (page.locator(row).count() == 0) {
            assertTrue(java.time.Instant.now().isBefore(deadline), "the refund never reached certificate's dead letters");
            Http.sleep(2000);
            page.reload();
        }
        assertTrue(page.locator(row).getAttribute("class").contains("red"));
        assertTrue(page.locator(row + " .reason").textContent().contains("unknown payment " + paymentId));
        shot("open");

        loadHistory(personId, paymentId); // the fix: the payment the refund belongs to is now known
        page.locator(row + " button[id^=replay-]").click();
        assertTrue(page.locator("p.notice").textContent().contains("已重放"), page.content());
        Http.Answer applied = Http.until(() -> Http.get(stack.url("certificate") + "/api/v1/payment-records/" + paymentId,
                stack.token("ops", "ops-zhao")), a -> a.status() == 200 && "504.80".equals(a.body().path("netTotal").asText()),
                Duration.ofSeconds(60), "the replayed refund applied");
        assertEquals("504.80", applied.body().path("netTotal").asText());
        page.navigate(console() + "/dead-letters?service=certificate&state=REPLAYED");
        assertTrue(page.locator(row).textContent().contains("ops-zhao"), "who replayed it is shown");
        page.navigate(console() + "/dead-letters?service=certificate");
        assertEquals(0, page.locator(row).count(), "no longer open");
    }

    /** This year's Jinan catalogue, drafted and published by two operators; once per stack. */
    private static synchronized void catalogueForThisYear() {
        if (catalogueReady) {
            return;
        }
        int year = java.time.LocalDate.now(CHINA).getYear();
        Http.Answer draft = Http.post(stack.url("assessment") + "/api/v1/admin/catalogues", stack.token("ops", "ops-alice"),
                Catalogues.jinan(year));
        assertEquals(201, draft.status(), draft.toString());
        Http.Answer published = Http.post(stack.url("assessment") + "/api/v1/admin/catalogues/" + draft.body().path("version").asText()
                + "/publish", stack.token("ops", "ops-bob"), "{}");
        assertEquals(200, published.status(), published.toString());
        catalogueReady = true;
    }

    /** A WeChat payment order of 1000.00 (one month of pension on 5000.00) by a newly registered Jinan person. */
    private static com.fasterxml.jackson.databind.JsonNode wechatOrder(String name, int serial) {
        catalogueForThisYear();
        String personId = registerJinanPerson(name, serial);
        Map<String, Object> assessment = Map.of("personId", personId,
                "months", java.util.List.of(java.time.YearMonth.now(CHINA).toString()),
                "insurances", java.util.List.of(Map.of("insurance", "PENSION", "base", "5000.00")));
        String assessKey = java.util.UUID.randomUUID().toString();
        Http.Answer assessed = Http.until(() -> Http.post(stack.url("assessment") + "/api/v1/assessments",
                stack.token("contributor", personId), assessment, assessKey), a -> a.status() == 201, Duration.ofSeconds(90),
                "assessment of " + personId);
        String orderKey = java.util.UUID.randomUUID().toString();
        Map<String, Object> order = Map.of("assessmentSerial", assessed.body().path("serialNumber").asText(), "channel", "WECHAT");
        Http.Answer ordered = Http.until(() -> Http.post(stack.url("payment") + "/api/v1/payments",
                stack.token("contributor", personId), order, orderKey), a -> a.status() == 201, Duration.ofSeconds(90),
                "payment order of " + personId);
        assertEquals("PAYING", ordered.body().path("status").asText(), ordered.toString());
        return ordered.body();
    }

    private static void fault(String target, String mode, int count) {
        Http.Answer injected = Http.post(stack.url(StackOptions.SIMULATORS) + "/sim/faults", null,
                Map.of("target", target, "mode", mode, "count", count));
        assertTrue(injected.status() / 100 == 2, injected.toString());
    }

    /**
     * The provider took the money but its callback never came: the payment stays PAYING, the overview lists it as
     * stuck, the operator opens it and runs a status check, which books it PAID (before payment-service's own
     * sweeper would, minutes later).
     */
    @Test
    void aPaymentStuckInPayingIsSeenOnTheOverviewAndResolvedByAStatusCheck() {
        com.fasterxml.jackson.databind.JsonNode order = wechatOrder("郑海涛", 473);
        String paymentId = order.path("paymentId").asText();
        fault("wechat", "drop-callbacks", 1);
        Http.Answer paid = Http.post(order.path("payUrl").asText(), null, "{\"outcome\":\"SUCCESS\"}");
        assertEquals(200, paid.status(), paid.toString());

        signIn(page, stack.token("ops", "ops-qian"));
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        while (page.locator("#stuck a:has-text('" + paymentId + "')").count() == 0) {
            assertTrue(java.time.Instant.now().isBefore(deadline), "the payment never showed as stuck: " + page.content());
            Http.sleep(2000);
            page.navigate(console() + "/");
        }
        assertTrue(page.locator("#tile-stuck").getAttribute("class").contains("red"));
        shot("overview-stuck");
        page.locator("#stuck a:has-text('" + paymentId + "')").click();
        assertEquals("PAYING", page.locator("#payment-status").textContent());
        page.locator("#status-check").click();
        assertEquals("PAID", page.locator("#payment-status").textContent(), page.content());
        assertTrue(page.locator("p.notice").isVisible());
    }

    /**
     * The provider reports another amount than was ordered: payment-service holds the payment and opens an issue,
     * shown red on the reconciliation page; the operator resolves it with a note and it shows green.
     */
    @Test
    void aReconciliationDiscrepancyIsRedThenResolvedWithANoteAndGreen() {
        com.fasterxml.jackson.databind.JsonNode order = wechatOrder("冯雪", 474);
        String paymentId = order.path("paymentId").asText();
        Http.Answer paid = Http.post(order.path("payUrl").asText(), null, "{\"outcome\":\"SUCCESS\",\"amount\":\"999.00\"}");
        assertEquals(200, paid.status(), paid.toString());

        signIn(page, stack.token("ops", "ops-sun"));
        String row = "#issues tbody tr:has(a:has-text('" + paymentId + "'))";
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        page.navigate(console() + "/reconciliation");
        while (page.locator(row).count() == 0) {
            assertTrue(java.time.Instant.now().isBefore(deadline), "no issue for " + paymentId + ": " + page.content());
            Http.sleep(2000);
            page.reload();
        }
        assertTrue(page.locator(row).getAttribute("class").contains("red"));
        assertTrue(page.locator(row).textContent().contains("¥999.00"), page.locator(row).textContent());
        shot("red");
        page.locator(row + " input[name=note]").fill("provider confirmed 999.00 by phone; difference refunded by hand");
        page.locator(row + " button").click();
        assertTrue(page.locator("p.notice").isVisible());
        page.navigate(console() + "/reconciliation?state=RESOLVED");
        assertTrue(page.locator(row).getAttribute("class").contains("green"));
        assertTrue(page.locator(row).textContent().contains("difference refunded by hand"));
        page.navigate(console() + "/reconciliation");
        assertEquals(0, page.locator(row).count(), "no longer open");
    }

    /**
     * Where an OpenID Connect provider is configured: the sign-in page leads to it (the simulators' identity provider,
     * signing with the stack's token key), the operator comes back signed in and the services accept the token the
     * console forwards; a user the provider knows as an auditor is refused and gets no session.
     */
    @Test
    void anOperatorSignsInAtTheIdentityProviderAndAnAuditorIsRefused() throws Exception {
        String oidcConsole = "http://127.0.0.1:" + OIDC_CONSOLE_PORT;
        Process process = startOidcConsole();
        try {
            Http.until(() -> Http.get(oidcConsole + "/q/health/ready", null), a -> a.status() == 200, Duration.ofSeconds(90),
                    "the OpenID Connect console");
            page.navigate(oidcConsole + "/sign-in");
            assertEquals(0, page.locator("#token").count(), "no token form where the provider signs operators in");
            atTheProvider(oidcConsole, "ops-oidc", "ops");
            page.waitForURL(oidcConsole + "/");
            assertEquals("ops-oidc", page.locator("#operator").textContent());
            page.navigate(oidcConsole + "/payments");
            assertEquals(0, page.locator("p.error").count(), "payment-service accepts the provider's token: " + page.content());
            shot("signed-in");

            page.locator("#sign-out").click();
            Response refused = atTheProvider(oidcConsole, "auditor-oidc", "auditor");
            assertEquals(403, refused.status());
            assertTrue(page.locator("#refusal").textContent().contains("运维角色"));
            shot("auditor-refused");
            page.navigate(oidcConsole + "/");
            assertEquals(oidcConsole + "/sign-in", page.url(), "the refused user has no session");
        } finally {
            process.destroy();
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** From the console's sign-in page through the provider's form; the answer of the console's callback. */
    private Response atTheProvider(String oidcConsole, String user, String role) {
        page.navigate(oidcConsole + "/sign-in");
        page.locator("#sign-in-oidc").click();
        assertTrue(page.url().startsWith(stack.url(StackOptions.SIMULATORS) + "/idp/authorize?"), page.url());
        page.getByLabel("用户名").fill(user);
        page.getByLabel("角色").selectOption(role);
        return page.waitForResponse(r -> r.url().startsWith(oidcConsole + "/sign-in/oidc/callback"),
                () -> page.locator("#idp-sign-in").click());
    }

    /** The packaged console once more, as the stack starts it, with the OpenID Connect sign-in on. */
    private static Process startOidcConsole() throws java.io.IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", root.resolve("ops-console/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target/oidc-console.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(OIDC_CONSOLE_PORT));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", stack.url(StackOptions.SIMULATORS) + "/idp/.well-known/jwks.json");
        for (String service : StackOptions.SERVICES) {
            env.put("FLEXSI_CONSOLE_SERVICES_" + service.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), stack.url(service));
        }
        env.put("FLEXSI_CONSOLE_OIDC_ENABLED", "true");
        env.put("FLEXSI_CONSOLE_OIDC_PROVIDER", stack.url(StackOptions.SIMULATORS) + "/idp");
        env.put("FLEXSI_CONSOLE_OIDC_CLIENT_SECRET", OIDC_CLIENT_SECRET);
        return builder.start();
    }

    /**
     * The pension agency is down when a payment is made, so its rights record cannot be confirmed; with rights-sync's
     * clock moved to the record's deadline the deadline monitor flags it at risk. The operator sees it on the rights
     * page, replays it with a dry run (which names the record and sends nothing), confirms, and once the agency is back
     * the record is sent and confirmed. Last in the class: its clock is ahead until the end (see the finally).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aRightsRecordAtRiskIsReplayedWithADryRunThenForReal() {
        String rightsSync = stack.url("rights-sync");
        String ops = stack.token("ops", "ops-rights-clock");
        Http.Answer down = Http.post(stack.url(StackOptions.SIMULATORS) + "/sim/faults", null,
                Map.of("target", "pension", "mode", "down"));
        assertTrue(down.status() / 100 == 2, down.toString());
        try {
            com.fasterxml.jackson.databind.JsonNode order = wechatOrder("韩立新", 475);
            String paymentId = order.path("paymentId").asText();
            Http.Answer paid = Http.post(order.path("payUrl").asText(), null, "{\"outcome\":\"SUCCESS\"}");
            assertEquals(200, paid.status(), paid.toString());
            com.fasterxml.jackson.databind.JsonNode record = Http.until(
                    () -> Http.get(rightsSync + "/api/v1/rights/records?paymentId=" + paymentId, ops),
                    a -> a.status() == 200 && a.body().path("records").size() == 1, Duration.ofSeconds(90),
                    "the rights record of " + paymentId).body().path("records").get(0);
            String recordId = record.path("recordId").asText();
            assertEquals("PENSION", record.path("agency").asText());
            assertTrue(record.path("deadline").isTextual(), "the record has a deadline: " + record);
            java.time.LocalDate deadline = java.time.LocalDate.parse(record.path("deadline").asText());

            // the deadline's morning: undecided with the deadline within one working day, so at risk
            Http.Answer moved = Http.send("PUT", rightsSync + "/q/flexsi/clock", ops,
                    "{\"instant\":\"" + deadline.atTime(9, 0).atZone(CHINA).toInstant() + "\"}");
            assertEquals(200, moved.status(), moved.toString());
            Http.until(() -> Http.get(rightsSync + "/api/v1/rights/at-risk", ops),
                    a -> a.status() == 200 && a.raw().contains(recordId), Duration.ofSeconds(60), recordId + " flagged at risk");

            signIn(page, stack.token("ops", "ops-zhou"));
            page.navigate(console() + "/rights");
            String row = "#at-risk tbody tr:has-text('" + recordId + "')";
            assertTrue(page.locator(row).getAttribute("class").contains("amber"), page.locator(row).innerHTML());
            assertTrue(page.locator(row).textContent().contains(paymentId));
            assertTrue(page.locator(row).textContent().contains(deadline.toString()));
            shot("at-risk");

            page.getByLabel("记录号").fill(recordId);
            page.locator("#dry-run").click();
            assertEquals("1", page.locator("#replay-count").textContent(), page.content());
            assertTrue(page.locator("#replay-result").textContent().contains(recordId), "the dry run names the record");
            shot("dry-run");
            assertEquals(0, replaysAudited("ops-zhou"), "a dry run replays nothing");

            page.locator("#confirm-replay").click();
            assertEquals("1", page.locator("#replay-count").textContent(), page.content());
            assertTrue(page.locator("#replay-result").textContent().contains("已重新发送"));
            assertEquals(1, replaysAudited("ops-zhou"), "the real run is in rights-sync's audit, by the operator");
            shot("replayed");

            Http.Answer back = Http.send("DELETE", stack.url(StackOptions.SIMULATORS) + "/sim/faults", null, "{}");
            assertTrue(back.status() / 100 == 2, back.toString());
            // sent again once the agency answers, then confirmed (asked by rights-sync: the agency's callback is
            // signed in real time, days behind the moved clock)
            Http.until(() -> Http.get(rightsSync + "/api/v1/rights/records?paymentId=" + paymentId, ops),
                    a -> a.status() == 200 && "CONFIRMED".equals(a.body().path("records").path(0).path("status").asText()),
                    Duration.ofSeconds(120), recordId + " confirmed");
            page.navigate(console() + "/payments/" + paymentId);
            String rights = page.locator("#rights tbody tr:has-text('" + recordId + "')").textContent();
            assertTrue(rights.contains("CONFIRMED"), rights);
            page.navigate(console() + "/rights");
            assertEquals(0, page.locator(row).count(), "no longer at risk once confirmed");
        } finally {
            Http.send("DELETE", stack.url(StackOptions.SIMULATORS) + "/sim/faults", null, "{}");
            Http.send("DELETE", rightsSync + "/q/flexsi/clock", ops, "{}");
        }
    }

    /** Replays rights-sync's access audit holds by this operator (the moved clock's days included). */
    private static long replaysAudited(String operator) {
        java.time.Instant now = java.time.Instant.now();
        Http.Answer audit = Http.get(stack.url("rights-sync") + "/api/v1/access-audit?from=" + now.minus(Duration.ofDays(1))
                + "&to=" + now.plus(Duration.ofDays(30)) + "&size=5000", stack.token("auditor", "auditor-rights"));
        assertEquals(200, audit.status(), audit.toString());
        return java.util.stream.StreamSupport.stream(audit.body().spliterator(), false)
                .filter(e -> operator.equals(e.path("actor").asText()) && "replay".equals(e.path("action").asText())).count();
    }

    /** A record on flexsi.payment as payment-service writes them (CloudEvents headers, the person's id as key). */
    private static void publishPaymentEvent(String key, String type, String json) throws Exception {
        java.util.Properties props = new java.util.Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("flexsi.payment", key, json);
            Map.of("ce_specversion", "1.0", "ce_id", java.util.UUID.randomUUID().toString(), "ce_source", "/flexsi/payment-service",
                    "ce_type", type, "ce_time", java.time.Instant.now().toString(), "ce_subject", key,
                    "content-type", "application/json")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            producer.send(record).get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
