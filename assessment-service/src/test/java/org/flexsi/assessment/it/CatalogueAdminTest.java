package org.flexsi.assessment.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.assessment.it.Fixtures.as;
import static org.flexsi.assessment.it.Fixtures.count;
import static org.flexsi.assessment.it.Fixtures.key;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import org.flexsi.assessment.catalogue.CatalogueAdminResource;
import org.flexsi.contracts.Topics;
import org.flexsi.contracts.events.CataloguePublished;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.testing.FlexsiTestResource;
import org.flexsi.platform.testing.TestKafka;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = FlexsiTestResource.class, initArgs = @ResourceArg(name = "database", value = "flexsi_test_assessment"))
class CatalogueAdminTest {
    private static final String WEIFANG_2024 = CatalogueAdminResource.EXAMPLE.replace("370100", "370700").replace("2026", "2024")
            .replace("Jinan-like", "Weifang-like");

    @Inject
    EntityManager em;


    @Test
    void aDraftIsPublishedByASecondOpsUserOnlyAndThenNeverChanges() {
        String version = as("ops", "ops-alice").header("Idempotency-Key", key()).body(WEIFANG_2024)
                .post("/api/v1/admin/catalogues").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("createdBy", equalTo("ops-alice"))
                .body("definition.insurances.insurance", hasItem("MEDICAL")).extract().path("version");
        // a draft prices nothing yet
        as("contributor", "p-x").body(quote("370700", 2024, "2024-03")).post("/api/v1/quotes").then().statusCode(422)
                .body("rule", equalTo("catalogue"));

        as("ops", "ops-alice").post("/api/v1/admin/catalogues/" + version + "/publish").then().statusCode(403)
                .contentType("application/problem+json");
        as("ops", "ops-bob").post("/api/v1/admin/catalogues/" + version + "/publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("publishedBy", equalTo("ops-bob"));
        assertEquals(1L, count("select count(*) from access_audit where action = 'catalogue-publish' and record_id = '" + version
                + "' and actor = 'ops-bob' and role = 'ops'"));
        as("ops", "ops-carol").post("/api/v1/admin/catalogues/" + version + "/publish").then().statusCode(409)
                .contentType("application/problem+json");

        var published = TestKafka.read(Topics.ASSESSMENT, Duration.ofSeconds(30), seen -> seen.stream()
                .anyMatch(r -> "370700-2024".equals(r.key())));
        var record = published.stream().filter(r -> "370700-2024".equals(r.key())).findFirst().orElseThrow();
        assertEquals(CataloguePublished.TYPE, TestKafka.header(record, CloudEventHeaders.TYPE));

        // now it prices: pension 20 % of 4500 and medical 9 % of the fixed 4500
        as("contributor", "p-x").body(quote("370700", 2024, "2024-03")).post("/api/v1/quotes").then().statusCode(200)
                .body("catalogueVersion", equalTo(version)).body("total", equalTo("1305.00"));

        // the database itself refuses to change a published version
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update catalogue set definition = '{}' where version = '" + version + "'").executeUpdate()));
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from catalogue where version = '" + version + "'").executeUpdate()));
        as("agency", "jinan-pension").get("/api/v1/catalogues/" + version).then().statusCode(200)
                .body("definition.source", equalTo("DEMO DATA for trying the system, not official figures: Weifang-like 2024 standard"));
    }

    @Test
    void aRetriedDraftIsStoredOnce() {
        String key = key();
        String body = WEIFANG_2024.replace("2024", "2025");
        String first = as("ops", "ops-alice").header("Idempotency-Key", key).body(body).post("/api/v1/admin/catalogues")
                .then().statusCode(201).extract().path("version");
        as("ops", "ops-alice").header("Idempotency-Key", key).body(body).post("/api/v1/admin/catalogues")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("version", equalTo(first));
        assertEquals(1, count("select count(*) from catalogue where region = '370700' and year = 2025"));
    }

    @Test
    void anInconsistentCatalogueIsRefusedAndNothingIsStored() {
        long before = count("select count(*) from catalogue");
        as("ops", "ops-alice").header("Idempotency-Key", key())
                .body(WEIFANG_2024.replace("\"floor\": \"4500.00\", \"ceiling\": \"22500.00\"", "\"floor\": \"9000.00\", \"ceiling\": \"4500.00\""))
                .post("/api/v1/admin/catalogues").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("insurances[0].base.floor"));
        as("ops", "ops-alice").header("Idempotency-Key", key()).body(WEIFANG_2024.replace("\"0.20\"", "\"1.50\""))
                .post("/api/v1/admin/catalogues").then().statusCode(400).contentType("application/problem+json");
        for (String bad : new String[] {"{", "[]", "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}",
                "\"" + "A".repeat(70_000) + "\""}) {
            as("ops", "ops-alice").header("Idempotency-Key", key()).body(bad).post("/api/v1/admin/catalogues")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(before, count("select count(*) from catalogue"));
    }

    @Test
    void onlyOpsAdministersCatalogues() {
        given().contentType("application/json").body(WEIFANG_2024).post("/api/v1/admin/catalogues").then().statusCode(401)
                .contentType("application/problem+json");
        as("contributor", "p-1").header("Idempotency-Key", key()).body(WEIFANG_2024).post("/api/v1/admin/catalogues")
                .then().statusCode(403).contentType("application/problem+json");
        as("agency", "jinan-pension").post("/api/v1/admin/catalogues/370100-2022-v1/publish").then().statusCode(403);
        given().get("/api/v1/catalogues").then().statusCode(401);
        as("ops", "ops-alice").post("/api/v1/admin/catalogues/" + java.util.UUID.randomUUID() + "/publish").then().statusCode(404);
    }

    @Test
    void theSeedCataloguesAreLoadedAndPublished() {
        var versions = as("contributor", "p-1").get("/api/v1/catalogues").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.createdBy == 'seed' }.version", String.class);
        assertEquals(java.util.List.of("360000-2020-v1", "370100-2022-v1", "370700-2023-v1", "420100-2022-v1"), versions);
    }

    static String quote(String region, int year, String month) {
        return "{\"region\": \"" + region + "\", \"year\": " + year + ", \"months\": [\"" + month + "\"], \"insurances\": ["
                + "{\"insurance\": \"PENSION\", \"base\": \"4500.00\"}, {\"insurance\": \"MEDICAL\"}]}";
    }
}
