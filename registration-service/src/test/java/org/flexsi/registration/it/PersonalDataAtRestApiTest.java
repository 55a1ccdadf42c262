package org.flexsi.registration.it;

import static io.restassured.RestAssured.given;
import static org.flexsi.registration.it.Fixtures.AGENCY;
import static org.flexsi.registration.it.Fixtures.OPS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flexsi.platform.crypto.Reencryption;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.registration.identity.IdNumbers;
import org.flexsi.registration.person.PersonDataBackfill;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, personal data at rest: ID numbers, names and mobiles are stored encrypted, found through a keyed blind
 * index, listed from stored masked forms; persons written before are encrypted and indexed; events carry what their
 * consumers read; and neither a dump of the database nor the log holds a full ID number or mobile.
 */
@QuarkusTest
class PersonalDataAtRestApiTest {
    /** 18 characters that could be a resident ID number; checked against the check character below. */
    private static final Pattern RESIDENT_ID = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");

    @Inject
    EntityManager em;
    @Inject
    Reencryption reencryption;
    @Inject
    PersonDataBackfill backfill;

    @Test
    void afterTheFlowsNeitherADumpOfTheDatabaseNorTheLogHoldsAnIdNumberOrMobile() throws Exception {
        List<String> secrets = new ArrayList<>();
        List<String> personIds = new ArrayList<>();
        // a registration with its own mobile and an ID number ending in X, sent in lower case
        String withX = idEndingInX();
        String mobile = freshMobile();
        secrets.add(withX);
        secrets.add(mobile);
        // and the agency's personal number, which identifies him as well
        String personalNumber = personalNumber();
        secrets.add(personalNumber);
        String body = Fixtures.wuhanBody(withX.toLowerCase(Locale.ROOT)).replace("13812345678", mobile)
                .replace("\"agency\":", "\"personalNumber\":\"" + personalNumber + "\",\"agency\":");
        String personId = Fixtures.agency().body(body).post("/api/v1/persons").then().statusCode(201)
                .body("idNumber", equalTo(withX)).body("mobile", equalTo(mobile)).body("personalNumber", equalTo(personalNumber))
                .extract().path("personId");
        personIds.add(personId);
        // the same identity again, either case of X: found by the blind index
        Fixtures.agency().body(Fixtures.wuhanBody(withX)).post("/api/v1/persons").then().statusCode(409)
                .body("personId", equalTo(personId));
        // found by ID number, listed masked
        search(AGENCY, "{\"idNumber\":\"" + withX.toLowerCase(Locale.ROOT) + "\"}").then().statusCode(200).body("", hasSize(1)).body("[0].personId", equalTo(personId))
                .body("[0].idNumber", equalTo(withX.substring(0, 4) + "**********" + withX.substring(14)))
                .body("[0].mobile", equalTo(mobile.substring(0, 3) + "****" + mobile.substring(7)))
                .body("[0].name", equalTo("张伟"));
        // a proxy asks by ID number and name, the person confirms, operations reveal with a reason
        String proxy = "proxy-" + UUID.randomUUID();
        Fixtures.as(TestTokens.bearer("proxy", proxy))
                .body("{\"idNumber\":\"" + withX + "\",\"name\":\"张伟\",\"consentDate\":\"2026-01-10\",\"relationship\":\"spouse\"}")
                .post("/api/v1/proxy/persons").then().statusCode(201).body("idNumber", equalTo(withX.substring(0, 4) + "**********" + withX.substring(14)));
        given().header("Authorization", TestTokens.bearer("contributor", personId))
                .post("/api/v1/persons/" + personId + "/proxies/" + proxy + "/confirmation").then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("proxy", proxy)).get("/api/v1/persons/" + personId).then()
                .statusCode(200).body("masked", equalTo(true)).body("name", equalTo("张伟"));
        Fixtures.as(OPS).body("{\"reason\":\"complaint 2026-0417: caller verified\"}")
                .post("/api/v1/persons/" + personId + "/reveal").then().statusCode(200).body("idNumber", equalTo(withX));
        // a bulk file: one new person, one already registered
        String bulkId = Fixtures.freshId();
        String bulkMobile = freshMobile();
        secrets.add(bulkId);
        secrets.add(bulkMobile);
        String bulk = "[" + Fixtures.wuhanBody(bulkId).replace("13812345678", bulkMobile) + "," + Fixtures.wuhanBody(withX) + "]";
        String bulkPerson = Fixtures.agency().body(bulk).post("/api/v1/persons/bulk").then().statusCode(200)
                .body("registered", equalTo(1)).body("alreadyRegistered", equalTo(1))
                .body("rows[1].personId", equalTo(personId)).extract().path("rows[0].personId");
        personIds.add(bulkPerson);
        // a Weifang registration at the counter
        String weifangId = Fixtures.freshId();
        secrets.add(weifangId);
        personIds.add(Fixtures.weifang().body(Fixtures.weifangBody(weifangId, "COUNTER")).post("/api/v1/persons")
                .then().statusCode(201).extract().path("personId"));
        secrets.add("13812345678"); // the mobile of every other Wuhan registration of the test run
        // and the birth dates: beside the masked number they would leave two digits of it unknown
        for (String id : List.of(withX, bulkId, weifangId)) {
            secrets.add(birthDate(id).toString());
        }

        String dump = dumpDatabase();
        for (String id : personIds) {
            assertTrue(dump.contains(id), "the dump holds the rows of the flow (person " + id + ")");
        }
        assertTrue(dump.contains("enc1:"), "the dump holds encrypted values");
        for (String secret : secrets) {
            assertFalse(dump.toUpperCase(Locale.ROOT).contains(secret.toUpperCase(Locale.ROOT)),
                    "the database dump holds " + secret);
        }
        assertEquals(List.of(), residentIds(dump), "no valid resident ID number anywhere in the database");

        String log = testLog();
        assertTrue(log.contains("registered person " + personId), "the log file holds this flow");
        for (String secret : secrets) {
            assertFalse(log.toUpperCase(Locale.ROOT).contains(secret.toUpperCase(Locale.ROOT)), "the log holds " + secret);
        }
        assertEquals(List.of(), residentIds(log), "no valid resident ID number anywhere in the log");
    }

    @Test
    void personsWrittenBeforeEncryptionAreEncryptedIndexedAndFoundByIdNumber() {
        String id = idEndingInX();
        String mobile = freshMobile();
        // rows as the service wrote them before: plain ID number, name, mobile, birth date and personal number; no
        // index, no masked forms; ids at both ends of PostgreSQL's uuid order
        UUID personId = UUID.fromString("00" + UUID.randomUUID().toString().substring(2));
        String other = Fixtures.freshId();
        UUID otherId = UUID.fromString("ff" + UUID.randomUUID().toString().substring(2));
        insertAsBefore(otherId, other, freshMobile());
        insertAsBefore(personId, id, mobile);

        reencryption.runAll();
        backfill.runAll();

        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("select id_number,"
                        + " name, mobile, birth_date, personal_number, id_number_index, id_number_masked, mobile_masked"
                        + " from person where person_id = ?1")
                .setParameter(1, personId).getSingleResult());
        for (int i = 0; i < 5; i++) {
            assertTrue(((String) stored[i]).startsWith("enc1:"), "column " + i + " is encrypted: " + stored[i]);
        }
        assertNotNull(stored[5], "the blind index is filled");
        assertEquals(id.substring(0, 4) + "**********" + id.substring(14), stored[6]);
        assertEquals(mobile.substring(0, 3) + "****" + mobile.substring(7), stored[7]);
        assertEquals(1L, Fixtures.stored(em, id.toLowerCase(Locale.ROOT)), "found by the index, either case of X");
        assertEquals(1L, Fixtures.stored(em, other), "the other row from before is indexed too");

        given().header("Authorization", AGENCY).queryParam("idType", "RESIDENT_ID").queryParam("idNumber", id.toLowerCase(Locale.ROOT))
                .get("/api/v1/persons").then().statusCode(200).body("", hasSize(1))
                .body("[0].personId", equalTo(personId.toString())).body("[0].name", equalTo("王芳"));
        given().header("Authorization", AGENCY).get("/api/v1/persons/" + personId).then().statusCode(200)
                .body("idNumber", equalTo(id)).body("name", equalTo("王芳")).body("mobile", equalTo(mobile))
                .body("birthDate", equalTo(birthDate(id).toString())).body("personalNumber", equalTo(personalNumberOf(id)))
                .body("masked", equalTo(false));
        // the duplicate check and the proxy's request find him too
        Fixtures.agency().body(Fixtures.wuhanBody(id)).post("/api/v1/persons").then().statusCode(409)
                .body("personId", equalTo(personId.toString()));
        Fixtures.as(TestTokens.bearer("proxy", "proxy-" + UUID.randomUUID()))
                .body("{\"idNumber\":\"" + id.toLowerCase(Locale.ROOT) + "\",\"name\":\"王芳\",\"consentDate\":\"2026-01-10\"}")
                .post("/api/v1/proxy/persons").then().statusCode(201).body("personId", equalTo(personId.toString()));

        assertEquals(0, backfill.runAll(), "nothing left to fill");
    }

    @Test
    void personRegisteredCarriesTheIdNumberNameRegionAndAgencyButNoMobileBirthDateOrSex() throws Exception {
        String id = Fixtures.freshId();
        String mobile = freshMobile();
        String personId = Fixtures.agency().body(Fixtures.wuhanBody(id).replace("13812345678", mobile))
                .post("/api/v1/persons").then().statusCode(201).extract().path("personId");
        ConsumerRecord<String, String> record = Fixtures.events(personId, 1).get(0);
        JsonNode event = new ObjectMapper().readTree(record.value());
        // rights-sync sends the full ID number to the agencies; payment and assessment index it; certificate masks it
        assertEquals(id, event.path("idNumber").asText());
        assertEquals("张伟", event.path("name").asText());
        assertEquals("420100", event.path("region").asText());
        assertEquals("武汉市社会保险中心", event.path("agency").asText());
        for (String unread : List.of("mobile", "birthDate", "sex", "personalNumber")) {
            assertTrue(event.path(unread).isMissingNode() || event.path(unread).isNull(), unread + " is not sent: " + event);
        }
        assertFalse(record.value().contains(mobile));
    }

    @Test
    void aSearchTakesTheIdNumberInTheBodySoItStaysOutOfUrls() {
        String id = idEndingInX();
        String personId = Fixtures.registerWuhanWith(id);
        String byNumber = "{\"idType\":\"RESIDENT_ID\",\"idNumber\":\"" + id.toLowerCase(Locale.ROOT) + "\"}";
        search(AGENCY, byNumber).then().statusCode(200).body("", hasSize(1)).body("[0].personId", equalTo(personId))
                .body("[0].idNumber", equalTo(id.substring(0, 4) + "**********" + id.substring(14)));
        search(OPS, "{\"idNumber\":\"" + id + "\"}").then().statusCode(200).body("[0].personId", equalTo(personId));
        // another region's agency finds nobody there, and may not name a region it does not serve
        search(Fixtures.WEIFANG, byNumber).then().statusCode(200).body("", hasSize(0));
        search(Fixtures.WEIFANG, "{\"idNumber\":\"" + id + "\",\"region\":\"420100\"}").then().statusCode(403);
        // bad input, by name
        search(AGENCY, "{\"idNumber\":\"42-01\"}").then().statusCode(400).body("errors.field", hasItem(endsWith("idNumber")));
        search(AGENCY, "{\"idNumber\":\"" + id + "\",\"size\":0}").then().statusCode(400).body("errors.field", hasItem(endsWith("size")));
        search(AGENCY, "{\"idNumber\":\"" + id + "\",\"fullText\":\"x\"}").then().statusCode(400).body("errors.field", hasItem("fullText"));
        // who may search: agencies and operations only
        search(TestTokens.bearer("contributor", personId), byNumber).then().statusCode(403);
        search(TestTokens.bearer("proxy", "proxy-" + UUID.randomUUID()), byNumber).then().statusCode(403);
        search(TestTokens.bearer("bank", "bank-1"), byNumber).then().statusCode(403);
        given().contentType("application/json").body(byNumber).post("/api/v1/persons/search").then().statusCode(401);
    }

    private static io.restassured.response.Response search(String token, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body).post("/api/v1/persons/search");
    }

    private void insertAsBefore(UUID personId, String id, String mobile) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into person (person_id, id_type, id_number,"
                        + " name, sex, birth_date, mobile, region, district, registered_location, agency, personal_number,"
                        + " enrolment_date, channel, registered_by, registered_at, registration_version) values (?1, 'RESIDENT_ID',"
                        + " ?2, '王芳', 'MALE', ?3, ?4, '420100', '420106', '420100', '武汉市社会保险中心', ?7, ?5, 'COUNTER',"
                        + " 'wuhan-pension', ?6, 1)")
                .setParameter(1, personId).setParameter(2, id).setParameter(3, birthDate(id).toString()).setParameter(4, mobile)
                .setParameter(5, LocalDate.of(2025, 6, 1)).setParameter(6, Instant.parse("2025-06-01T02:00:00Z"))
                .setParameter(7, personalNumberOf(id)).executeUpdate());
    }

    /** A personal number of this test run: no other test's data holds it. */
    private static String personalNumber() {
        return "P" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L);
    }

    /** The personal number a row from before was given: derived from its ID number. */
    private static String personalNumberOf(String idNumber) {
        return "P" + idNumber.substring(6, 17);
    }

    private static String idEndingInX() {
        while (true) {
            String id = Fixtures.freshId();
            if (id.endsWith("X")) {
                return id;
            }
            // vary the sequence: about one number in eleven has X
            String first17 = id.substring(0, 14) + String.format("%03d", ThreadLocalRandom.current().nextInt(0, 500) * 2 + 1);
            if (IdNumbers.checkCharacter(first17) == 'X') {
                return first17 + 'X';
            }
        }
    }

    private static String freshMobile() {
        return "13" + (5 + ThreadLocalRandom.current().nextInt(3)) + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static LocalDate birthDate(String id) {
        return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
    }

    /** Every 18-character run in the text whose check character is right: a resident ID number in the clear. */
    private static List<String> residentIds(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = RESIDENT_ID.matcher(text);
        while (m.find()) {
            String candidate = m.group().toUpperCase(Locale.ROOT);
            if (IdNumbers.checkCharacter(candidate.substring(0, 17)) == candidate.charAt(17)) {
                found.add(candidate);
            }
        }
        return found;
    }

    /** {@code pg_dump --data-only} of the test database: what a stolen dump would show. */
    private static String dumpDatabase() throws IOException, InterruptedException {
        URI url = URI.create(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class).substring(5));
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        ProcessBuilder pb = new ProcessBuilder("pg_dump", "--data-only", "--no-owner", "-h", url.getHost(), "-p",
                String.valueOf(url.getPort()), "-U", user, "-d", url.getPath().substring(1)).redirectErrorStream(false);
        pb.environment().put("PGPASSWORD", password);
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = pb.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pg_dump finished");
        assertEquals(0, process.exitValue(), "pg_dump succeeded");
        String dump = new String(out, StandardCharsets.UTF_8);
        assertTrue(dump.contains("COPY public.person "), "the dump holds the person table");
        return dump;
    }

    /** The service's log file (quarkus.log.file.path in the test profile). */
    private static String testLog() throws IOException {
        Path file = Path.of(ConfigProvider.getConfig().getValue("quarkus.log.file.path", String.class));
        assertTrue(Files.exists(file), "the test log is written to " + file.toAbsolutePath());
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
