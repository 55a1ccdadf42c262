package org.flexsi.certificate.api;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.flexsi.certificate.person.RegisteredPersons;
import org.flexsi.contracts.Topics;
import org.flexsi.contracts.events.CertificateIssued;
import org.flexsi.contracts.events.CertificateRevoked;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.testing.FlexsiTestResource;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.platform.time.BusinessTime;
import org.flexsi.platform.time.PlatformClock;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FlexsiTestResource.class, initArgs = @ResourceArg(name = "database", value = "flexsi_test_certificate"))
class CertificateApiTest {
    static final String JINAN = "370100";
    static final String WEIFANG = "370700";
    static final String OPS = TestTokens.bearer("ops", "ops-1");

    @Inject
    EntityManager em;
    @Inject
    PlatformClock clock;


    @Test
    void aJinanContributorGetsASignedChineseCertificateRightAfterPaying() throws IOException {
        String person = register("李四");
        PaymentSucceeded paid = pay(person, person, JINAN);
        String me = contributor(person);

        Response certificate = awaitCertificate(me, paid.paymentId());
        String number = certificate.path("[0].certificateNumber");
        // region, issue date (yyyyMMdd), sequence: digits only, safe in a path or a query string
        assertTrue(number.matches("\\d{6}20\\d{6}\\d{8}"), number);
        certificate.then().body("[0].total", equalTo("1086.34")).body("[0].totalInCapitals", equalTo("壹仟零捌拾陆元叁角肆分"))
                .body("[0].status", equalTo("ISSUED")).body("[0].paymentIds", equalTo(List.of(paid.paymentId())));
        given().header("Authorization", me).get("/api/v1/certificates/" + number)
                .then().statusCode(200).body("certificateNumber", equalTo(number));
        given().header("Authorization", me).get("/api/v1/payment-records")
                .then().statusCode(200).body("paymentId", equalTo(List.of(paid.paymentId())))
                .body("[0].netTotal", equalTo("1086.34"));

        List<ConsumerRecord<String, String>> issued = TestKafka.read(Topics.CERTIFICATE, Duration.ofSeconds(20),
                seen -> seen.stream().anyMatch(r -> r.value().contains(number)));
        ConsumerRecord<String, String> event = issued.stream().filter(r -> r.value().contains(number)).findFirst().orElseThrow();
        assertEquals(person, event.key());
        assertEquals(CertificateIssued.TYPE, TestKafka.header(event, CloudEventHeaders.TYPE));

        byte[] pdf = given().header("Authorization", me).get("/api/v1/certificates/" + number + "/pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        byte[] again = given().header("Authorization", me).get("/api/v1/certificates/" + number + "/pdf")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(pdf, again, "every download is the signed file as issued");
        String text = text(pdf);
        assertTrue(text.contains("李四") && text.contains(number) && text.contains("壹仟零捌拾陆元叁角肆分")
                && text.contains("国家税务总局济南市税务局") && text.contains("4201**********1234"), text);

        verify(pdf).then().statusCode(200).body("result", equalTo("VALID")).body("certificateNumber", equalTo(number))
                .body("certificate.name", equalTo("李*"));
        byte[] changed = pdf.clone();
        changed[pdf.length / 3] ^= 0x01;
        verify(changed).then().statusCode(200).body("result", equalTo("MODIFIED"));
        // the check page's upload form: the same verdicts, as a page
        given().multiPart("pdf", "certificate.pdf", pdf, "application/pdf").post("/api/v1/certificates/verify")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("data-result=\"VALID\"")).body(containsString(number)).body(containsString("李*"));
        given().multiPart("pdf", "certificate.pdf", changed, "application/pdf").post("/api/v1/certificates/verify")
                .then().statusCode(200).body(containsString("data-result=\"MODIFIED\"")).body(not(containsString("李*")));
        given().multiPart("pdf", "notes.txt", "hello".getBytes(), "text/plain").post("/api/v1/certificates/verify")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString("无法核验"));

        String code = certificate.path("[0].verificationCode");
        given().get("/api/v1/public/certificates/" + number + "?code=" + code).then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("total", equalTo("1086.34"))
                .body("maskedIdNumber", equalTo("4201**********1234"));
    }

    /** Found by CI: a payment that overtook the registration froze a certificate without the taxpayer's name. */
    @Test
    void theSignedFileWaitsForThePersonsRegistration() throws IOException {
        String person = "p-" + UUID.randomUUID();
        PaymentSucceeded paid = pay(person, person, JINAN);
        String number = awaitCertificate(OPS, paid.paymentId()).path("[0].certificateNumber");
        given().header("Authorization", OPS).get("/api/v1/certificates/" + number + "/pdf").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "5")
                .body("detail", containsString("registration of person " + person));

        TestKafka.publish(new PersonRegistered(person, "RESIDENT_ID", "420106199001011234", "钱二", "MALE", LocalDate.of(1990, 1, 1),
                JINAN, "济南市社会保险事业中心", null, null, Instant.now()), "/flexsi/registration-service");
        byte[] pdf = await("the PDF of " + number).until(() -> given().header("Authorization", OPS)
                .get("/api/v1/certificates/" + number + "/pdf"), r -> r.statusCode() == 200).asByteArray();
        String text = text(pdf);
        assertTrue(text.contains("钱二") && text.contains("4201**********1234"), text);
    }

    @Test
    void aPaymentEventDeliveredTwiceGivesOneCertificate() {
        String person = register("王五");
        PaymentSucceeded paid = pay(person, person, JINAN);
        TestKafka.publish(paid, "/flexsi/payment-service");
        awaitCertificate(contributor(person), paid.paymentId());
        PaymentSucceeded later = pay(person, person, JINAN);
        awaitCertificate(contributor(person), later.paymentId());
        // the later payment is behind the duplicate on the same partition, so the duplicate was handled by now
        assertEquals(1L, count("select count(*) from certificate_payment where payment_id = ?1", paid.paymentId()));
    }

    @Test
    void weifangOffersRecordsAfterOneAndCertificatesAfterTwoWorkingDays() {
        String person = register("赵六");
        // Tuesday 2026-09-29, 10:00 in China: records from Wednesday 09-30, certificates after National Day (10-08)
        PaymentSucceeded paid = pay(person, person, WEIFANG, beijing("2026-09-29T10:00"));
        String number = awaitCertificate(OPS, paid.paymentId()).path("[0].certificateNumber");
        String me = contributor(person);

        clock.setTo(beijing("2026-09-29T23:59"));
        given().header("Authorization", me).get("/api/v1/certificates?paymentId=" + paid.paymentId())
                .then().statusCode(409).contentType("application/problem+json").body("availableFrom", equalTo("2026-10-08"));
        given().header("Authorization", me).get("/api/v1/payment-records/" + paid.paymentId())
                .then().statusCode(409).body("availableFrom", equalTo("2026-09-30"));
        given().header("Authorization", me).get("/api/v1/payment-records").then().statusCode(200).body("$", hasSize(0));
        given().header("Authorization", me).get("/api/v1/certificates/" + number + "/pdf").then().statusCode(409);

        // 00:01 in China is still 09-29 in UTC: the day has come all the same
        clock.setTo(beijing("2026-09-30T00:01"));
        given().header("Authorization", me).get("/api/v1/payment-records/" + paid.paymentId()).then().statusCode(200);
        given().header("Authorization", me).get("/api/v1/payment-records").then().statusCode(200)
                .body("paymentId", equalTo(List.of(paid.paymentId())));
        given().header("Authorization", me).get("/api/v1/certificates/" + number).then().statusCode(409);

        clock.setTo(beijing("2026-10-07T23:59"));
        given().header("Authorization", me).get("/api/v1/certificates/" + number).then().statusCode(409);
        clock.setTo(beijing("2026-10-08T00:01"));
        given().header("Authorization", me).get("/api/v1/certificates/" + number).then().statusCode(200)
                .body("availableFrom", equalTo("2026-10-08"));
        given().header("Authorization", me).get("/api/v1/certificates?paymentId=" + paid.paymentId()).then().statusCode(200)
                .body("certificateNumber", equalTo(List.of(number)));
    }

    /**
     * The business day of a payment is its day in China (R22): a minute after midnight in Beijing is still the evening
     * before in UTC. Weifang: records 1 and certificates 2 working days later; National Day 2026 is 10-01..10-07.
     */
    @Test
    void aPaymentJustAfterMidnightInChinaCountsOnThatChineseDay() {
        String person = register("冯二");
        PaymentSucceeded lateTuesday = pay(person, person, WEIFANG, beijing("2026-09-29T23:59"));
        PaymentSucceeded earlyWednesday = pay(person, person, WEIFANG, beijing("2026-09-30T00:01"));
        assertEquals(LocalDate.of(2026, 9, 29), earlyWednesday.paidAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());

        awaitCertificate(OPS, lateTuesday.paymentId()).then().body("[0].availableFrom", equalTo("2026-10-08"));
        awaitCertificate(OPS, earlyWednesday.paymentId()).then().body("[0].availableFrom", equalTo("2026-10-09"));
        given().header("Authorization", OPS).get("/api/v1/payment-records/" + lateTuesday.paymentId()).then().statusCode(200)
                .body("availableFrom", equalTo("2026-09-30"));
        given().header("Authorization", OPS).get("/api/v1/payment-records/" + earlyWednesday.paymentId()).then().statusCode(200)
                .body("availableFrom", equalTo("2026-10-08"));
    }

    @Test
    void aRefundRevokesTheCertificateAndTheRestIsCertifiedAnew() throws IOException {
        String person = register("孙七");
        PaymentSucceeded paid = pay(person, person, JINAN);
        String me = contributor(person);
        String old = awaitCertificate(me, paid.paymentId()).path("[0].certificateNumber");
        byte[] oldPdf = given().header("Authorization", me).get("/api/v1/certificates/" + old + "/pdf").then().statusCode(200)
                .extract().asByteArray();

        LineItem medical = paid.lines().get(1);
        TestKafka.publish(new PaymentRefunded("r-" + UUID.randomUUID(), paid.paymentId(), paid.assessmentSerial(), person, JINAN,
                List.of(medical), medical.amount(), "duplicate medical payment", Instant.now(), "APPLICATION"), "/flexsi/payment-service");

        Response both = await("the renewed certificate of " + paid.paymentId()).until(() -> given()
                .header("Authorization", me).get("/api/v1/certificates?paymentId=" + paid.paymentId()),
                r -> r.statusCode() == 200 && r.jsonPath().getList("$").size() == 2);
        both.then().body("find { it.certificateNumber == '" + old + "' }.status", equalTo("REVOKED"))
                .body("find { it.status == 'ISSUED' }.total", equalTo("749.20"));
        String renewed = both.path("find { it.status == 'ISSUED' }.certificateNumber");

        verify(oldPdf).then().statusCode(200).body("result", equalTo("REVOKED"));
        given().header("Authorization", me).get("/api/v1/certificates/" + old + "/pdf").then().statusCode(409)
                .body("type", equalTo("https://flexsi.org/problems/certificate-revoked"));
        String text = text(given().header("Authorization", me).get("/api/v1/certificates/" + renewed + "/pdf")
                .then().statusCode(200).extract().asByteArray());
        assertTrue(text.contains("已退付") && text.contains("-337.14") && text.contains("柒佰肆拾玖元贰角"), text);

        List<ConsumerRecord<String, String>> revoked = TestKafka.read(Topics.CERTIFICATE, Duration.ofSeconds(20),
                seen -> seen.stream().anyMatch(r -> r.value().contains(old) && CertificateRevoked.TYPE.equals(
                        TestKafka.header(r, CloudEventHeaders.TYPE))));
        assertTrue(revoked.stream().anyMatch(r -> r.value().contains(old)
                && CertificateRevoked.TYPE.equals(TestKafka.header(r, CloudEventHeaders.TYPE))));
    }

    @Test
    void onlyThePersonThePayerAndTheBackOfficeSeeACertificate() {
        String person = register("周八");
        String proxy = "proxy-" + UUID.randomUUID();
        PaymentSucceeded paid = pay(person, proxy, JINAN);
        String number = awaitCertificate(contributor(person), paid.paymentId()).path("[0].certificateNumber");
        String stranger = contributor("p-" + UUID.randomUUID());

        given().header("Authorization", TestTokens.bearer("proxy", proxy)).get("/api/v1/certificates/" + number)
                .then().statusCode(200).body("payerId", equalTo(proxy));
        given().header("Authorization", TestTokens.bearer("agency", "jinan-pension")).get("/api/v1/certificates/" + number)
                .then().statusCode(200);
        given().header("Authorization", stranger).get("/api/v1/certificates/" + number).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", stranger).get("/api/v1/certificates/" + number + "/pdf").then().statusCode(404);
        given().header("Authorization", stranger).get("/api/v1/certificates?paymentId=" + paid.paymentId())
                .then().statusCode(200).body("$", hasSize(0));
        given().header("Authorization", stranger).get("/api/v1/payment-records/" + paid.paymentId()).then().statusCode(404);
        given().header("Authorization", stranger).get("/api/v1/payment-records?personId=" + person)
                .then().statusCode(200).body("$", hasSize(0));
        given().header("Authorization", TestTokens.bearer("agency", "jinan-tax")).get("/api/v1/payment-records")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("agency", "jinan-tax")).get("/api/v1/payment-records?personId=" + person)
                .then().statusCode(200).body("paymentId", equalTo(List.of(paid.paymentId())));
        // a token whose agency claim names no configured agency has no agency role
        given().header("Authorization", TestTokens.bearer("agency", "agency-1")).get("/api/v1/certificates/" + number)
                .then().statusCode(403).contentType("application/problem+json");

        for (String path : List.of("/api/v1/certificates?paymentId=x", "/api/v1/certificates/" + number,
                "/api/v1/certificates/" + number + "/pdf", "/api/v1/payment-records", "/api/v1/payment-records/" + paid.paymentId())) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
            given().header("Authorization", TestTokens.bearer("bank", "bank-1")).get(path).then().statusCode(403);
        }
        given().contentType("application/json").body("{}").post("/api/v1/certificates").then().statusCode(401);
    }

    /** Issue 17: an agency reads payment records, certificates and their PDFs only of persons in its regions. */
    @Test
    void anAgencySeesOnlyThePersonsOfItsOwnRegions() {
        String person = register("陈三");
        PaymentSucceeded paid = pay(person, person, JINAN);
        String number = awaitCertificate(OPS, paid.paymentId()).path("[0].certificateNumber");
        String jinan = TestTokens.bearer("agency", "jinan-medical");
        String weifang = TestTokens.bearer("agency", "weifang-medical");

        given().header("Authorization", jinan).get("/api/v1/payment-records/" + paid.paymentId()).then().statusCode(200);
        given().header("Authorization", jinan).get("/api/v1/certificates?personId=" + person).then().statusCode(200)
                .body("certificateNumber", equalTo(List.of(number)));
        given().header("Authorization", jinan).get("/api/v1/certificates/" + number + "/pdf").then().statusCode(200)
                .contentType("application/pdf");

        for (String path : List.of("/api/v1/payment-records/" + paid.paymentId(), "/api/v1/certificates/" + number,
                "/api/v1/certificates/" + number + "/pdf")) {
            given().header("Authorization", weifang).get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("detail", equalTo("agency weifang-medical does not serve region " + JINAN));
        }
        given().header("Authorization", weifang).get("/api/v1/payment-records?personId=" + person).then().statusCode(200)
                .body("$", hasSize(0));
        given().header("Authorization", weifang).get("/api/v1/certificates?personId=" + person).then().statusCode(200)
                .body("$", hasSize(0));
        given().header("Authorization", weifang).get("/api/v1/certificates?paymentId=" + paid.paymentId()).then().statusCode(200)
                .body("$", hasSize(0));
        LocalDate today = BusinessTime.today(clock);
        given().header("Authorization", weifang).header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json")
                .body("{\"personId\":\"" + person + "\",\"from\":\"" + today.withDayOfYear(1) + "\",\"to\":\"" + today + "\"}")
                .post("/api/v1/certificates").then().statusCode(403);
        given().header("Authorization", OPS).get("/api/v1/certificates/" + number).then().statusCode(200);
    }

    @Test
    void aPeriodCertificateCoversThePersonsPaymentsOnce() {
        String person = register("吴九");
        PaymentSucceeded first = pay(person, person, JINAN);
        PaymentSucceeded second = pay(person, person, JINAN);
        String me = contributor(person);
        awaitCertificate(me, first.paymentId());
        awaitCertificate(me, second.paymentId());
        LocalDate today = BusinessTime.today(clock);
        String body = "{\"personId\":\"" + person + "\",\"from\":\"" + today.withDayOfYear(1) + "\",\"to\":\"" + today + "\"}";
        String key = "period-" + UUID.randomUUID();
        String number = given().header("Authorization", me).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/api/v1/certificates").then().statusCode(201).body("total", equalTo("2172.68"))
                .body("paymentIds", hasSize(2)).extract().path("certificateNumber");
        given().header("Authorization", me).header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/certificates").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("certificateNumber", equalTo(number));
        given().header("Authorization", contributor("p-other")).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json").body(body).post("/api/v1/certificates").then().statusCode(403);
        given().header("Authorization", me).header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json")
                .body("{\"personId\":\"" + person + "\",\"from\":\"2020-01-01\",\"to\":\"2020-12-31\"}")
                .post("/api/v1/certificates").then().statusCode(422).body("rule", equalTo("no-payments"));
    }

    @Test
    void badRequestsAreProblemsAndChangeNothing() {
        long before = count("select count(*) from certificate");
        String me = contributor("p-bad");
        for (String body : List.of("{", "[]",
                "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}",
                "\"" + "x".repeat(70_000) + "\"",
                "{\"personId\":\"p-bad\",\"from\":\"2026-13-01\",\"to\":\"2026-01-01\"}",
                "{\"personId\":\"p-bad\",\"from\":\"2026-02-01\",\"to\":\"2026-01-01\"}")) {
            given().header("Authorization", me).header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json")
                    .body(body).post("/api/v1/certificates").then().statusCode(400).contentType("application/problem+json");
        }
        given().header("Authorization", me).contentType("application/json")
                .body("{\"personId\":\"p-bad\",\"from\":\"2026-01-01\",\"to\":\"2026-02-01\"}").post("/api/v1/certificates")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", me).get("/api/v1/certificates").then().statusCode(400);
        given().header("Authorization", me).get("/api/v1/payment-records?from=yesterday").then().statusCode(400);
        given().header("Authorization", me).get("/api/v1/certificates/" + UUID.randomUUID()).then().statusCode(404);

        given().contentType("application/pdf").body(new byte[0]).post("/api/v1/certificates/verify").then().statusCode(400);
        given().contentType("application/pdf").body("hello, not a pdf".getBytes()).post("/api/v1/certificates/verify")
                .then().statusCode(400).contentType("application/problem+json");
        byte[] huge = new byte[6 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(), 0, huge, 0, 8);
        given().contentType("application/pdf").body(huge).post("/api/v1/certificates/verify")
                .then().statusCode(413).contentType("application/problem+json");
        given().contentType("application/json").body("{").post("/api/v1/certificates/verify")
                .then().statusCode(415).contentType("application/problem+json");
        given().contentType("application/pdf").body("%PDF-1.7\n%%EOF garbage".getBytes()).post("/api/v1/certificates/verify")
                .then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, count("select count(*) from certificate"));
    }

    /** Issue 16: a field the request does not have is refused by name, not ignored. */
    @Test
    void anUnknownFieldIsRefusedByName() {
        given().header("Authorization", contributor("p-unknown")).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json")
                .body("{\"personId\":\"p-unknown\",\"from\":\"2026-01-01\",\"to\":\"2026-02-01\",\"base\":\"3746.00\"}")
                .post("/api/v1/certificates").then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/unknown-field")).body("errors[0].field", equalTo("base"));
    }

    @Test
    void anUnknownCertificateIsUnknownAndWrongCodesAreSlowedButNeverTheRightOne() throws IOException {
        String person = register("郑十");
        PaymentSucceeded paid = pay(person, person, JINAN);
        Response certificate = awaitCertificate(contributor(person), paid.paymentId());
        String number = certificate.path("[0].certificateNumber");
        String code = certificate.path("[0].verificationCode");
        // 50 wrong guesses from one address (as behind one proxy): the first few are checked (404), then they must wait
        int checked = 0;
        int throttled = 0;
        for (int i = 0; i < 50; i++) {
            int status = given().get("/api/v1/public/certificates/" + number + "?code=WRONG" + i).then()
                    .contentType("application/problem+json").extract().statusCode();
            checked += status == 404 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertEquals(50, checked + throttled);
        assertTrue(checked >= 5 && throttled >= 35, checked + " checked, " + throttled + " throttled");
        // the holder of the right code is never locked out, from the same address too
        given().get("/api/v1/public/certificates/" + number + "?code=" + code).then().statusCode(200)
                .body("certificateNumber", equalTo(number));
        given().get("/api/v1/public/certificates/" + number + "?code=" + code.toLowerCase()).then().statusCode(200);
        // and the right code lifted nothing: wrong guesses still wait (should this one come just after the wait
        // ran out, it is checked, and it pushes the next one out by seconds more)
        Response again = given().get("/api/v1/public/certificates/" + number + "?code=WRONG-AGAIN");
        if (again.statusCode() == 404) {
            again = given().get("/api/v1/public/certificates/" + number + "?code=WRONG-AGAIN-2");
        }
        again.then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1))
                .body("type", endsWith("/too-many-attempts"));
        given().get("/api/v1/public/certificates/" + number + "?code=" + code).then().statusCode(200);
        // another certificate from the same address: its own right code verifies as well
        String other = register("郑十一");
        PaymentSucceeded otherPaid = pay(other, other, JINAN);
        Response otherCertificate = awaitCertificate(contributor(other), otherPaid.paymentId());
        given().get("/api/v1/public/certificates/" + otherCertificate.path("[0].certificateNumber") + "?code="
                + otherCertificate.path("[0].verificationCode")).then().statusCode(200);
        // the wrong guesses at one certificate do not slow down guesses at another
        given().get("/api/v1/public/certificates/" + UUID.randomUUID() + "?code=" + code).then().statusCode(404);

        verify(pdfNaming("9" + number.substring(1))).then().statusCode(200).body("result", equalTo("UNKNOWN"));
        verify(pdfNaming(null)).then().statusCode(200).body("result", equalTo("UNKNOWN"));
        // a certificate number of ours in a file we did not sign
        verify(pdfNaming(number)).then().statusCode(200).body("result", equalTo("MODIFIED"));
    }

    private static byte[] pdfNaming(String number) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            if (number != null) {
                document.getDocumentInformation().setCustomMetadataValue("CertificateNumber", number);
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void anAgencyLoadsHistoricalPaymentsOnceAndRowsBreakingRulesAreReported() {
        String person = register("钱一");
        String ok = "HIST-" + UUID.randomUUID();
        String before2019 = "HIST-" + UUID.randomUUID();
        String badSum = "HIST-" + UUID.randomUUID();
        String otherRegion = "HIST-" + UUID.randomUUID();
        String body = "{\"records\":["
                + historical(ok, person, "2019-03-01T02:00:00Z", "605.00", "605.00") + ","
                + historical(before2019, person, "2018-12-31T02:00:00Z", "605.00", "605.00") + ","
                + historical(badSum, person, "2020-03-01T02:00:00Z", "605.00", "600.00") + ","
                + historical(otherRegion, person, "2020-03-01T02:00:00Z", "605.00", "605.00").replace("420100", WEIFANG) + "]}";
        String agency = TestTokens.bearer("agency", "wuhan-pension");
        String key = "hist-" + UUID.randomUUID();
        given().header("Authorization", agency).header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/payment-records/historical").then().statusCode(200)
                .body("loaded", equalTo(1)).body("alreadyKnown", equalTo(0))
                .body("rejected.paymentId", equalTo(List.of(before2019, badSum, otherRegion)))
                .body("rejected[2].reason", equalTo("agency wuhan-pension does not serve region " + WEIFANG));
        given().header("Authorization", agency).header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/payment-records/historical").then().statusCode(200).header("Idempotent-Replayed", "true");
        given().header("Authorization", agency).header("Idempotency-Key", "hist-" + UUID.randomUUID())
                .contentType("application/json").body(body).post("/api/v1/payment-records/historical").then().statusCode(200)
                .body("loaded", equalTo(0)).body("alreadyKnown", equalTo(1));
        assertEquals(1L, count("select count(*) from payment_record where person_id = ?1", person));

        String me = contributor(person);
        given().header("Authorization", me).get("/api/v1/payment-records").then().statusCode(200)
                .body("paymentId", equalTo(List.of(ok))).body("[0].origin", equalTo("HISTORICAL_LOAD"));
        given().header("Authorization", me).get("/api/v1/certificates?paymentId=" + ok).then().statusCode(200)
                .body("[0].total", equalTo("605.00")).body("[0].region", equalTo("420100"));

        given().header("Authorization", me).header("Idempotency-Key", "hist-" + UUID.randomUUID()).contentType("application/json")
                .body(body).post("/api/v1/payment-records/historical").then().statusCode(403);
        for (String bad : List.of("{", "[]", "{\"records\":[]}",
                "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}",
                "\"" + "x".repeat(70_000) + "\"",
                "{\"records\":[" + historical("x y", person, "2020-01-01T00:00:00Z", "NaN", "1.00") + "]}")) {
            given().header("Authorization", agency).header("Idempotency-Key", "hist-" + UUID.randomUUID())
                    .contentType("application/json").body(bad).post("/api/v1/payment-records/historical")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(1L, count("select count(*) from payment_record where person_id = ?1", person));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndItsProblems() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/certificates/verify'.post.responses.'413'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/certificates/{number}/pdf'.get.responses.'409'.description",
                        equalTo("Not yet available (availableFrom), or revoked"))
                // the operation's roles, from its @RolesAllowed
                .body("paths.'/api/v1/payment-records/historical'.post.security[0].bearer",
                        org.hamcrest.Matchers.containsInAnyOrder("agency", "ops"))
                .body("paths.'/api/v1/public/certificates/{number}'.get.responses.'429'", org.hamcrest.Matchers.notNullValue());
    }

    private static String historical(String paymentId, String person, String paidAt, String total, String lineAmount) {
        return "{\"paymentId\":\"" + paymentId + "\",\"personId\":\"" + person + "\",\"region\":\"420100\","
                + "\"channel\":\"BANK_COUNTER\",\"paidAt\":\"" + paidAt + "\",\"total\":\"" + total + "\","
                + "\"lines\":[{\"insurance\":\"PENSION\",\"months\":[\"2019-01\"],\"base\":\"3024.00\",\"rate\":\"0.20\","
                + "\"amount\":\"" + lineAmount + "\"}]}";
    }

    // ---- helpers ----

    private static String register(String name) {
        return RegisteredPersons.register(name, "420106199001011234", LocalDate.of(1990, 1, 1), JINAN, "济南市社会保险事业中心");
    }

    private static PaymentSucceeded pay(String person, String payer, String region) {
        return pay(person, payer, region, Instant.now());
    }

    private static PaymentSucceeded pay(String person, String payer, String region, Instant paidAt) {
        String month = BusinessTime.dateOf(paidAt).toString().substring(0, 7);
        PaymentSucceeded paid = new PaymentSucceeded("pay-" + UUID.randomUUID(), "HD-" + UUID.randomUUID(), person, payer, region,
                "WECHAT", "WECHAT", "wx-" + UUID.randomUUID(),
                List.of(new LineItem("PENSION", List.of(month), "3746.00", "0.20", "749.20", null),
                        new LineItem("MEDICAL", List.of(month), "3746.00", "0.09", "337.14", null)),
                "1086.34", paidAt);
        TestKafka.publish(paid, "/flexsi/payment-service");
        return paid;
    }

    private static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BusinessTime.ZONE).toInstant();
    }

    private static String contributor(String person) {
        return TestTokens.bearer("contributor", person);
    }

    private static Response awaitCertificate(String token, String paymentId) {
        return await("the certificate of " + paymentId).until(() -> given().header("Authorization", token)
                .get("/api/v1/certificates?paymentId=" + paymentId),
                r -> r.statusCode() == 200 && !r.jsonPath().getList("$").isEmpty());
    }

    private static Response verify(byte[] pdf) {
        return given().contentType("application/pdf").body(pdf).post("/api/v1/certificates/verify");
    }

    private long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
