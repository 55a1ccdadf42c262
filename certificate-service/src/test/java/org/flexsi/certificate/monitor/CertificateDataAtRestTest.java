package org.flexsi.certificate.monitor;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Objects;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flexsi.certificate.person.RegisteredPersons;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.platform.testing.FlexsiTestResource;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Issue 17: this service keeps only masked ID numbers; a dump of its database after a flow holds no full one. */
@QuarkusTest
@QuarkusTestResource(value = FlexsiTestResource.class, initArgs = @ResourceArg(name = "database", value = "flexsi_test_certificate"))
class CertificateDataAtRestTest {
    private static final String ID_NUMBER = "420102198511234617";

    @Test
    void aDumpAfterAFlowHoldsTheMaskedIdNumberOnly() throws Exception {
        String person = RegisteredPersons.register("吴九", ID_NUMBER, LocalDate.of(1985, 11, 23), "420100", null);
        PaymentSucceeded paid = new PaymentSucceeded("pay-" + UUID.randomUUID(), "HD-" + UUID.randomUUID(), person, person,
                "420100", "WECHAT", "WECHAT", "wx-1", List.of(new LineItem("PENSION", List.of("2026-05"), "4000.00", "0.20",
                "800.00", null)), "800.00", Instant.now());
        TestKafka.publish(paid, "/flexsi/payment-service");
        String token = TestTokens.bearer("contributor", person);
        String number = await("the certificate of " + paid.paymentId()).until(() -> {
            List<String> numbers = given().header("Authorization", token).get("/api/v1/certificates?paymentId=" + paid.paymentId())
                    .then().extract().jsonPath().getList("certificateNumber");
            return numbers == null || numbers.isEmpty() ? null : numbers.get(0);
        }, Objects::nonNull);
        given().header("Authorization", token).get("/api/v1/certificates/" + number + "/pdf").then().statusCode(200);

        String dump = pgDump();
        assertTrue(dump.contains(person) && dump.contains(number), "the dump covers the flow's rows");
        assertTrue(dump.contains("4201**********4617"), "the masked number is what is kept");
        assertFalse(dump.contains(ID_NUMBER), "a full ID number is in the database");
    }

    private static String pgDump() throws Exception {
        var config = ConfigProvider.getConfig();
        URI url = URI.create(config.getValue("quarkus.datasource.jdbc.url", String.class).substring("jdbc:".length()));
        ProcessBuilder builder = new ProcessBuilder("pg_dump", "--data-only", "-h", url.getHost(),
                "-p", Integer.toString(url.getPort() < 0 ? 5432 : url.getPort()),
                "-U", config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                url.getPath().substring(1));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(p -> builder.environment().put("PGPASSWORD", p));
        Process dump = builder.start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(dump.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dump.waitFor(60, TimeUnit.SECONDS), "pg_dump finished");
        assertEquals(0, dump.exitValue(), "pg_dump failed: " + err);
        return out;
    }
}
