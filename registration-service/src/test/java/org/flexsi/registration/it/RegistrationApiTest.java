package org.flexsi.registration.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.registration.it.Fixtures.AGENCY;
import static org.flexsi.registration.it.Fixtures.agency;
import static org.flexsi.registration.it.Fixtures.count;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flexsi.contracts.events.EnrolmentStarted;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.kafka.CloudEventHeaders;
import org.flexsi.platform.testing.FlexsiTestResource;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.registration.person.PersonResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@QuarkusTestResource(value = FlexsiTestResource.class, initArgs = @ResourceArg(name = "database", value = "flexsi_test_registration"))
class RegistrationApiTest {
    @Inject
    EntityManager em;

    @Test
    void anAgencyRegistersAPersonAndTheEventsFollow() throws Exception {
        String id = Fixtures.freshId();
        String personId = agency().body(Fixtures.wuhanBody(id)).post("/api/v1/persons")
                .then().statusCode(201)
                .body("idNumber", equalTo(id))
                .body("registrationVersion", equalTo(1))
                .body("sex", equalTo("MALE"))
                .body("registeredLocation", equalTo("420100"))
                .body("enrolments", hasSize(2))
                .body("enrolments[0].status", equalTo("ACTIVE"))
                .body("enrolments[0].grade", equalTo("60"))
                .extract().path("personId");

        given().header("Authorization", AGENCY).get("/api/v1/persons/" + personId)
                .then().statusCode(200).body("personId", equalTo(personId)).body("name", equalTo("张伟"))
                .body("birthDate", equalTo(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)));

        List<ConsumerRecord<String, String>> events = Fixtures.events(personId, 3);
        assertEquals(List.of(PersonRegistered.TYPE, EnrolmentStarted.TYPE, EnrolmentStarted.TYPE), Fixtures.types(events));
        assertEquals("/flexsi/registration-service", TestKafka.header(events.get(0), CloudEventHeaders.SOURCE));
        JsonNode registered = new ObjectMapper().readTree(events.get(0).value());
        assertEquals(id, registered.get("idNumber").asText());
        assertEquals("420100", registered.get("region").asText());
        JsonNode pension = new ObjectMapper().readTree(events.get(1).value());
        assertEquals("PENSION", pension.get("insurance").asText());
        assertEquals("2026-01", pension.get("firstMonth").asText());
        for (ConsumerRecord<String, String> event : events) {
            assertEquals(1, new ObjectMapper().readTree(event.value()).get("registrationVersion").asLong());
        }
    }

    @Test
    void weifangRegistersAtTheCounterWithBaseAndRate() {
        String personId = Fixtures.registerWeifang();
        given().header("Authorization", Fixtures.WEIFANG).get("/api/v1/persons/" + personId).then().statusCode(200)
                .body("enrolments.insurance", equalTo(List.of("PENSION", "MEDICAL", "WORK_INJURY")))
                .body("enrolments[0].base", equalTo("3980.00"))
                .body("enrolments[1].rate", equalTo("0.06"));
    }

    @Test
    void weifangDoesNotTakeNewEnrolmentsOnline() {
        String id = Fixtures.freshId();
        Fixtures.weifang().body(Fixtures.weifangBody(id, "ONLINE")).post("/api/v1/persons")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("R4-channel"));
        assertEquals(0, stored(id));
    }

    @Test
    void aRetryWithTheSameKeyReplaysAndAnotherBodyIsRefused() {
        String key = "k-" + UUID.randomUUID();
        String id = Fixtures.freshId();
        String first = given().header("Authorization", AGENCY).header("Idempotency-Key", key).contentType("application/json")
                .body(Fixtures.wuhanBody(id)).post("/api/v1/persons").then().statusCode(201).extract().path("personId");
        given().header("Authorization", AGENCY).header("Idempotency-Key", key).contentType("application/json")
                .body(Fixtures.wuhanBody(id)).post("/api/v1/persons")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("personId", equalTo(first));
        String other = Fixtures.freshId();
        given().header("Authorization", AGENCY).header("Idempotency-Key", key).contentType("application/json")
                .body(Fixtures.wuhanBody(other)).post("/api/v1/persons")
                .then().statusCode(422).body("rule", equalTo("idempotency-key-reuse"));
        assertEquals(1, stored(id));
        assertEquals(0, stored(other));
    }

    @Test
    void registeringTheSamePersonTwiceIsAConflictNamingThePerson() {
        String id = Fixtures.freshId();
        String personId = agency().body(Fixtures.wuhanBody(id)).post("/api/v1/persons").then().statusCode(201)
                .extract().path("personId");
        agency().body(Fixtures.wuhanBody(id)).post("/api/v1/persons")
                .then().statusCode(409).contentType("application/problem+json").body("personId", equalTo(personId));
    }

    @Test
    void idNumberProblemsNameTheFieldAndStoreNothing() {
        String id = Fixtures.freshId();
        String wrongCheck = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
        agency().body(Fixtures.wuhanBody(wrongCheck)).post("/api/v1/persons")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("idNumber")).body("detail", containsString("check digit"));
        assertEquals(0, stored(wrongCheck));

        String mismatch = Fixtures.wuhanBody(id).replace("\"name\":\"张伟\"", "\"name\":\"张伟\",\"birthDate\":\"1960-01-01\"");
        agency().body(mismatch).post("/api/v1/persons").then().statusCode(400).body("errors.field", hasItem("birthDate"));
        String female = Fixtures.wuhanBody(id).replace("\"name\":\"张伟\"", "\"name\":\"张伟\",\"sex\":\"FEMALE\"");
        agency().body(female).post("/api/v1/persons").then().statusCode(400).body("errors.field", hasItem("sex"));
        assertEquals(0, stored(id));
    }

    @Test
    void ageOutsideR2IsRefused() {
        // a woman of 55 at the enrolment date 2026-01-05
        String woman = Fixtures.residentId(LocalDate.of(1970, 6, 1), false);
        agency().body(Fixtures.wuhanBody(woman)).post("/api/v1/persons")
                .then().statusCode(422).body("rule", equalTo("R2")).body("detail", containsString("women"));
        // a man of 55 is still fine
        String man = Fixtures.residentId(LocalDate.of(1970, 6, 1), true);
        agency().body(Fixtures.wuhanBody(man)).post("/api/v1/persons").then().statusCode(201);
        String child = Fixtures.residentId(LocalDate.of(2010, 1, 6), true);
        agency().body(Fixtures.wuhanBody(child)).post("/api/v1/persons").then().statusCode(422).body("rule", equalTo("R2"));
        assertEquals(0, stored(woman) + stored(child));
    }

    @Test
    void unknownRegionDistrictAndInsuranceAreRefused() {
        String id = Fixtures.freshId();
        agency().body(Fixtures.wuhanBody(id).replace("\"region\":\"420100\"", "\"region\":\"110000\""))
                .post("/api/v1/persons").then().statusCode(400).body("errors.field", hasItem("region"));
        agency().body(Fixtures.wuhanBody(id).replace("\"district\":\"420106\"", "\"district\":\"370102\""))
                .post("/api/v1/persons").then().statusCode(400).body("errors.field", hasItem("district"))
                .body("detail", containsString("R6"));
        agency().body(Fixtures.wuhanBody(id).replace("\"insurance\":\"MEDICAL\"", "\"insurance\":\"WORK_INJURY\""))
                .post("/api/v1/persons").then().statusCode(422).body("rule", equalTo("region-insurance"));
        agency().body(Fixtures.wuhanBody(id).replace("\"insurance\":\"MEDICAL\"", "\"insurance\":\"DENTAL\""))
                .post("/api/v1/persons").then().statusCode(400).contentType("application/problem+json");
        agency().body(Fixtures.wuhanBody(id).replace("\"grade\":\"60\"", "\"grade\":\"65\""))
                .post("/api/v1/persons").then().statusCode(400).body("errors.field", hasItem("grade"));
        agency().body(Fixtures.wuhanBody(id).replace("\"insurance\":\"MEDICAL\"", "\"insurance\":\"PENSION\""))
                .post("/api/v1/persons").then().statusCode(400).body("errors.field", hasItem("enrolments"));
        assertEquals(0, stored(id));
    }

    @Test
    void aWuhanNewDistrictRegistersAsItself() {
        String id = Fixtures.freshId();
        agency().body(Fixtures.wuhanBody(id).replace("\"district\":\"420106\"", "\"district\":\"420115\""))
                .post("/api/v1/persons").then().statusCode(201).body("registeredLocation", equalTo("420115"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "\"\"", "{}",
            "{\"region\": [\"x\"], \"amount\": \"NaN\", \"idNumber\": \"\\u0000'; DROP TABLE x;--\", \"year\": 99999999999}"})
    void malformedBodiesAreProblemsAndStoreNothing(String body) {
        long before = count(em, "select count(*) from person");
        agency().body(body).post("/api/v1/persons").then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, count(em, "select count(*) from person"));
    }

    @Test
    void aHugeStringIsAProblem() {
        agency().body("\"" + "x".repeat(70_000) + "\"").post("/api/v1/persons")
                .then().statusCode(400).contentType("application/problem+json");
        String id = Fixtures.freshId();
        agency().body(Fixtures.wuhanBody(id).replace("\"name\":\"张伟\"", "\"name\":\"" + "张".repeat(70_000) + "\""))
                .post("/api/v1/persons").then().statusCode(400).body("errors.field", hasItem("name"));
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        String id = Fixtures.freshId();
        agency().body(Fixtures.wuhanBody(id).replace("\"name\":\"张伟\"", "\"name\":\"张伟\",\"base\":\"3980.00\""))
                .post("/api/v1/persons").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://flexsi.org/problems/unknown-field"))
                .body("errors.field", hasItem("base"));
        agency().body(Fixtures.wuhanBody(id).replace("\"grade\":\"60\"", "\"grade\":\"60\",\"discount\":\"0.5\""))
                .post("/api/v1/persons").then().statusCode(400).body("type", equalTo("https://flexsi.org/problems/unknown-field"))
                .body("detail", containsString("discount"));
        assertEquals(0, stored(id));
    }

    @Test
    void theKeyIsRequired() {
        given().header("Authorization", AGENCY).contentType("application/json").body(Fixtures.wuhanBody(Fixtures.freshId()))
                .post("/api/v1/persons").then().statusCode(400).body("detail", containsString("Idempotency-Key"));
    }

    @Test
    void onlyAgenciesRegisterAndOnlyTheRightPeopleRead() {
        given().contentType("application/json").body(Fixtures.wuhanBody(Fixtures.freshId())).post("/api/v1/persons")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("contributor", UUID.randomUUID().toString()))
                .header("Idempotency-Key", "k-" + UUID.randomUUID()).contentType("application/json")
                .body(Fixtures.wuhanBody(Fixtures.freshId())).post("/api/v1/persons")
                .then().statusCode(403).contentType("application/problem+json");

        String personId = Fixtures.registerWuhan();
        given().get("/api/v1/persons/" + personId).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("contributor", personId)).get("/api/v1/persons/" + personId)
                .then().statusCode(200).body("personId", equalTo(personId));
        String other = Fixtures.registerWuhan();
        given().header("Authorization", TestTokens.bearer("contributor", personId)).get("/api/v1/persons/" + other)
                .then().statusCode(403).body(not(containsString("idNumber\":\"4")));
        given().header("Authorization", TestTokens.bearer("bank", "bank-1")).get("/api/v1/persons/" + personId)
                .then().statusCode(403);
        given().header("Authorization", Fixtures.OPS).get("/api/v1/persons/" + personId).then().statusCode(200)
                .body("masked", equalTo(true));
        given().header("Authorization", AGENCY).get("/api/v1/persons/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", AGENCY).get("/api/v1/persons/not-a-uuid").then().statusCode(400);
    }

    @Test
    void theListMasksIdNumbersAndMobilesAndFindsByIdNumber() {
        String id = Fixtures.freshId();
        agency().body(Fixtures.wuhanBody(id)).post("/api/v1/persons").then().statusCode(201);
        given().header("Authorization", AGENCY).queryParam("idNumber", id).get("/api/v1/persons")
                .then().statusCode(200).body("", hasSize(1))
                .body("[0].idNumber", equalTo(id.substring(0, 4) + "**********" + id.substring(14)))
                .body("[0].mobile", equalTo("138****5678"));
        given().header("Authorization", TestTokens.bearer("contributor", "x")).get("/api/v1/persons").then().statusCode(403);
    }

    @Test
    void otherIdTypesNeedBirthDateAndSex() {
        String passport = "E" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String body = """
                {"idType":"PASSPORT","idNumber":"%s","name":"Anna Schmidt","region":"370100","country":"DEU",
                 "enrolmentDate":"2026-01-05","enrolments":[{"insurance":"PENSION","firstMonth":"2026-01","base":"5000"}]}
                """.formatted(passport);
        RequestSpecification jinan = Fixtures.as(TestTokens.bearer("agency", "jinan-pension"));
        jinan.body(body).post("/api/v1/persons").then().statusCode(400).body("errors.field", hasItem("birthDate"));
        Fixtures.as(TestTokens.bearer("agency", "jinan-pension"))
                .body(body.replace("\"country\"", "\"birthDate\":\"1985-04-02\",\"sex\":\"FEMALE\",\"country\""))
                .post("/api/v1/persons").then().statusCode(201).body("idType", equalTo("PASSPORT"))
                .body("enrolments[0].base", equalTo("5000.00"));
        Fixtures.as(TestTokens.bearer("agency", "jinan-pension")).body(body.replace(passport, "H1234").replace("PASSPORT", "HK_MACAO_PERMIT"))
                .post("/api/v1/persons").then().statusCode(400).body("errors.field", hasItem("idNumber"));
    }

    @Test
    void theRulesArePublic() {
        given().get("/api/v1/public/registration-rules").then().statusCode(200)
                .body("find { it.region == '370700' }.medicalRates", equalTo(List.of("0.06", "0.07", "0.09", "0.10")))
                .body("find { it.region == '370700' }.onlineOperations", not(hasItem("NEW_ENROLMENT")));
    }

    @Test
    void theDocumentedExamplesRegister() {
        agency().body(PersonResource.WUHAN_EXAMPLE).post("/api/v1/persons").then().statusCode(201).body("personId", notNullValue());
        Fixtures.weifang().body(PersonResource.WEIFANG_EXAMPLE).post("/api/v1/persons").then().statusCode(201)
                .body("personId", notNullValue());
    }

    @Test
    void theOpenApiDocumentDescribesTheRegistration() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/persons'.post.responses.'422'.content.'application/problem+json'", not(equalTo(null)))
                .body("paths.'/api/v1/persons/{personId}/reveal'.post.responses.'403'.content.'application/problem+json'", not(equalTo(null)))
                .body("paths.'/api/v1/persons/{personId}/proxies'.post.responses.'403'", not(equalTo(null)))
                .body("paths.'/api/v1/persons/{personId}/proxies/{proxyId}/confirmation'.post.responses.'200'", not(equalTo(null)))
                .body("paths.'/api/v1/persons/{personId}/proxies/{proxyId}/refusal'.post.responses.'403'", not(equalTo(null)))
                .body("components.schemas.PersonView.properties.registrationVersion", not(equalTo(null)))
                .body("components.schemas.ProxyAddRequest.required", not(hasItem("idType")));
    }

    private long stored(String idNumber) {
        return Fixtures.stored(em, idNumber);
    }
}
