package org.flexsi.certificate.monitor;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flexsi.certificate.person.RegisteredPersons;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentRefunded;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.testing.FlexsiTestResource;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.platform.time.BusinessTime;
import org.junit.jupiter.api.Test;

/** Issue 20: each certificate metric at /q/metrics, with the value a flow must give it. */
@QuarkusTest
@QuarkusTestResource(value = FlexsiTestResource.class, initArgs = @ResourceArg(name = "database", value = "flexsi_test_certificate"))
class CertificateMetricsTest {
    private static final String JINAN = "370100";
    private static final String WEIFANG = "370700";
    private static final String ISSUED = "flexsi_certificate_issued_total";
    private static final String REVOKED = "flexsi_certificate_revoked_total";
    private static final String PDF_COUNT = "flexsi_certificate_pdf_render_seconds_count{outcome=\"success\"}";
    private static final String PDF_SUM = "flexsi_certificate_pdf_render_seconds_sum{outcome=\"success\"}";

    @Inject
    EntityManager em;
    @Inject
    LateCertificates lateCertificates;

    @Test
    void issuedRevokedAvailabilityAndPdfTimeCountWhatTheFlowDid() {
        String before = metrics();
        String person = register();
        PaymentSucceeded jinan = pay(person, JINAN);
        PaymentSucceeded weifang = pay(person, WEIFANG);
        String number = awaitCertificate(person, jinan.paymentId()).path("[0].certificateNumber");
        await("two certificates issued").until(() -> value(metrics(), ISSUED) == value(before, ISSUED) + 2);

        // R22: Jinan offers the certificate on the payment day, Weifang two working days after it
        String after = metrics();
        String jinanDays = "flexsi_certificate_availability_working_days_count{region=\"" + JINAN + "\"}";
        String weifangDays = "flexsi_certificate_availability_working_days_count{region=\"" + WEIFANG + "\"}";
        assertEquals(value(before, jinanDays) + 1, value(after, jinanDays), after);
        assertEquals(value(before, weifangDays) + 1, value(after, weifangDays));
        assertEquals(value(before, weifangDays.replace("_count", "_sum")) + 2, value(after, weifangDays.replace("_count", "_sum")));
        assertEquals(value(before, jinanDays.replace("_count", "_sum")), value(after, jinanDays.replace("_count", "_sum")));
        assertTrue(after.contains("flexsi_certificate_availability_working_days_bucket{region=\"" + WEIFANG + "\",le=\"2.0\"}"));

        given().header("Authorization", TestTokens.bearer("contributor", person)).get("/api/v1/certificates/" + number + "/pdf")
                .then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("contributor", person)).get("/api/v1/certificates/" + number + "/pdf")
                .then().statusCode(200);
        String rendered = metrics();
        assertEquals(value(before, PDF_COUNT) + 1, value(rendered, PDF_COUNT), "rendered and signed once, then stored");
        assertTrue(value(rendered, PDF_SUM) > value(before, PDF_SUM));

        LineItem medical = jinan.lines().get(1);
        TestKafka.publish(new PaymentRefunded("r-" + UUID.randomUUID(), jinan.paymentId(), jinan.assessmentSerial(), person, JINAN,
                List.of(medical), medical.amount(), "paid twice", Instant.now(), "APPLICATION"), "/flexsi/payment-service");
        await("the refund revoked one certificate and issued the rest anew").until(() -> {
            String now = metrics();
            return value(now, REVOKED) == value(before, REVOKED) + 1 && value(now, ISSUED) == value(before, ISSUED) + 3;
        });
        assertEquals(value(before, jinanDays) + 1, value(metrics(), jinanDays), "a re-issue is not a new availability");
    }

    @Test
    void lateRecordsAreThoseDueAndWithoutACertificateRecountedPeriodically() {
        lateCertificates.refresh();
        String before = metrics();
        String jinanLate = "flexsi_certificate_late_records{region=\"" + JINAN + "\"}";
        String weifangLate = "flexsi_certificate_late_records{region=\"" + WEIFANG + "\"}";
        assertTrue(before.contains(jinanLate + " "), "every configured region reports, 0 when none is late: " + before);

        // paid records the service holds without a certificate (as if issuing had failed): Jinan's is due today,
        // Weifang's only in two working days; and one whose certificate was revoked without a replacement
        insertPaidRecord(JINAN, Instant.now());
        insertPaidRecord(WEIFANG, Instant.now());
        String person = register();
        PaymentSucceeded paid = pay(person, JINAN);
        String number = awaitCertificate(person, paid.paymentId()).path("[0].certificateNumber");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update certificate set status = 'REVOKED' where certificate_number = ?1").setParameter(1, number).executeUpdate());

        assertEquals(value(before, jinanLate), value(metrics(), jinanLate), "not recounted per scrape");
        assertEquals(value(before, jinanLate) + 2, lateCertificates.refresh().get(JINAN).doubleValue());
        String after = metrics();
        assertEquals(value(before, jinanLate) + 2, value(after, jinanLate), after);
        assertEquals(value(before, weifangLate), value(after, weifangLate), "Weifang's certificate is not due yet");
    }

    private void insertPaidRecord(String region, Instant paidAt) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into payment_record (payment_id, person_id,"
                + " payer_id, region, assessment_serial, channel, lines, total, paid_at, origin, loaded_at)"
                + " values (?1, 'p-late', 'p-late', ?2, 'HD-late', 'WECHAT', '[]', 100.00, ?3, 'EVENT', ?3)")
                .setParameter(1, "pay-late-" + UUID.randomUUID()).setParameter(2, region).setParameter(3, paidAt)
                .executeUpdate());
    }

    private static String register() {
        return RegisteredPersons.register("周八", "420106199001011234", LocalDate.of(1990, 1, 1), JINAN, "济南市社会保险事业中心");
    }

    private static PaymentSucceeded pay(String person, String region) {
        Instant paidAt = Instant.now();
        String month = BusinessTime.dateOf(paidAt).toString().substring(0, 7);
        PaymentSucceeded paid = new PaymentSucceeded("pay-" + UUID.randomUUID(), "HD-" + UUID.randomUUID(), person, person, region,
                "WECHAT", "WECHAT", "wx-" + UUID.randomUUID(),
                List.of(new LineItem("PENSION", List.of(month), "3746.00", "0.20", "749.20", null),
                        new LineItem("MEDICAL", List.of(month), "3746.00", "0.09", "337.14", null)),
                "1086.34", paidAt);
        TestKafka.publish(paid, "/flexsi/payment-service");
        return paid;
    }

    private static Response awaitCertificate(String person, String paymentId) {
        return await("the certificate of " + paymentId).until(() -> given()
                .header("Authorization", TestTokens.bearer("contributor", person)).get("/api/v1/certificates?paymentId=" + paymentId),
                r -> r.statusCode() == 200 && !r.jsonPath().getList("$").isEmpty());
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series ({@code name} or {@code name{labels}} exactly as exposed), 0 when absent. */
    private static double value(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(series.length() + 1).trim().split(" ")[0])).findFirst().orElse(0);
    }
}
