package org.flexsi.assessment.it;

import static org.flexsi.assessment.it.Fixtures.as;
import static org.flexsi.assessment.it.Fixtures.count;
import static org.flexsi.assessment.it.Fixtures.enrol;
import static org.flexsi.assessment.it.Fixtures.key;
import static org.flexsi.assessment.it.Fixtures.newPerson;
import static org.flexsi.assessment.it.Fixtures.register;
import static org.flexsi.assessment.it.Fixtures.text;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flexsi.assessment.person.IdNumberIndexBackfill;
import org.flexsi.assessment.person.PersonRepository;
import org.flexsi.platform.crypto.BlindIndex;
import org.flexsi.platform.crypto.Reencryption;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, personal data at rest: the read model holds no ID number, no unkeyed hash of one and no name in clear, and
 * persons stored before (unkeyed SHA-256, plain name) are migrated in place and still found.
 */
@QuarkusTest
class PersonalDataAtRestTest {
    @Inject
    IdNumberIndexBackfill backfill;
    @Inject
    Reencryption reencryption;
    @Inject
    PersonRepository persons;
    @Inject
    BlindIndex blindIndex;
    @Inject
    DataSource dataSource;
    @Inject
    EntityManager em;

    @Test
    void aPersonStoredBeforeIsKeyedInPlaceOnceEncryptedAndStillFoundByNameAndIdNumber() throws Exception {
        String person = newPerson();
        String idNumber = randomIdNumber("360102");
        String name = "旧档" + person.substring(2, 8);
        String oldHash = sha256(idNumber.toUpperCase(Locale.ROOT));
        // exactly as the service wrote a person before issue 17: unkeyed hash, plain name, no id_number_keyed given
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into person (person_id, id_number_hash, name,"
                        + " region, registered_at) values (?1, ?2, ?3, '360102', ?4)")
                .setParameter(1, person).setParameter(2, oldHash).setParameter(3, name)
                .setParameter(4, java.sql.Timestamp.from(Instant.now())).executeUpdate());
        String lookup = "{\"name\": \"" + name + "\", \"idNumber\": \"" + idNumber.toLowerCase(Locale.ROOT) + "\"}";
        // the unkeyed hash is no index any more: until keyed, the person is not found
        as("bank", "bank-counter-1").body(lookup).post("/api/v1/assessments/lookup").then().statusCode(404);

        assertTrue(backfill.runAll() >= 1);
        String keyed = text("select id_number_hash from person where person_id = '" + person + "'");
        assertEquals(blindIndex.of("resident-id", idNumber.toUpperCase(Locale.ROOT)), keyed);
        assertEquals(persons.idNumberIndex(idNumber), keyed);
        assertEquals(blindIndex.ofSha256("resident-id", oldHash), keyed);
        assertNotEquals(oldHash, keyed);
        assertEquals("true", text("select id_number_keyed from person where person_id = '" + person + "'"));
        // a second run (the next start, the schedule) keys nothing twice
        assertEquals(0, backfill.runAll());
        assertEquals(keyed, text("select id_number_hash from person where person_id = '" + person + "'"));

        // the plain name is encrypted by the platform's re-encryption job, as listed in flexsi.crypto.encrypted-columns
        assertEquals(name, text("select name from person where person_id = '" + person + "'"));
        assertTrue(reencryption.runAll() >= 1);
        String storedName = text("select name from person where person_id = '" + person + "'");
        assertTrue(storedName.startsWith("enc1:"), storedName);

        as("bank", "bank-counter-1").body(lookup).post("/api/v1/assessments/lookup").then().statusCode(200).body("$", hasSize(0));
        as("bank", "bank-counter-1").body(lookup.replace(name, name + "甲")).post("/api/v1/assessments/lookup").then()
                .statusCode(404);
        // an agency finds him by name and ID number too, and its assessment is then looked up
        String reference = "OLD-" + person;
        String serial = as("agency", "jiangxi-pension").header("Idempotency-Key", key()).body(push(reference, name, idNumber))
                .post("/api/v1/agency/assessments").then().statusCode(200).body("accepted.reference", contains(reference))
                .extract().path("accepted[0].serialNumber");
        as("bank", "bank-counter-1").body(lookup).post("/api/v1/assessments/lookup").then().statusCode(200)
                .body("serialNumber", contains(serial));
    }

    @Test
    void afterAFlowNoTextColumnOfAnyTableHoldsAnIdNumberANameOrAnUnkeyedHash() throws Exception {
        String person = newPerson();
        String idNumber = randomIdNumber("360102");
        String name = "明文" + person.substring(2, 8);
        register(person, idNumber, name, "360102", enrol(person, "PENSION", "360102", "2019-01", "60", null, null, null));
        // the agency finds him by name and ID number (the push and its answer are stored for idempotency)
        String reference = "PDR-" + person;
        String serial = as("agency", "jiangxi-pension").header("Idempotency-Key", key()).body(push(reference, name, idNumber))
                .post("/api/v1/agency/assessments").then().statusCode(200).body("accepted.reference", contains(reference))
                .extract().path("accepted[0].serialNumber");
        String lookup = "{\"name\": \"" + name + "\", \"idNumber\": \"" + idNumber + "\"}";
        as("contributor", person).body(lookup).post("/api/v1/assessments/lookup").then().statusCode(200)
                .body("serialNumber", contains(serial));
        as("bank", "bank-counter-1").body(lookup).post("/api/v1/assessments/lookup").then().statusCode(200);
        as("agency", "jiangxi-pension").body(lookup).post("/api/v1/assessments/lookup").then().statusCode(200);
        as("contributor", person).header("Idempotency-Key", key()).body("{\"reason\": \"paid at the counter\"}")
                .post("/api/v1/assessments/" + serial + "/cancellation").then().statusCode(200);
        assertEquals(1, count("select count(*) from person where person_id = '" + person + "' and id_number_keyed"));

        List<String> columns = textColumns();
        // the scan reaches the tables that matter
        for (String column : List.of("person.name", "person.id_number_hash", "outbox_event.payload", "idempotency_record.body",
                "inbox_event.event_type", "assessment.lines", "access_audit.record_id")) {
            assertTrue(columns.stream().anyMatch(c -> c.endsWith("." + column)), column + " not scanned: " + columns);
        }
        // and finds what is there: the person id, in clear by design
        assertTrue(holding(columns, person).contains("public.person.person_id"), holding(columns, person).toString());
        for (String secret : List.of(idNumber, name, sha256(idNumber))) {
            assertEquals(List.of(), holding(columns, secret), "stored in clear: " + secret);
        }
    }

    private static String push(String reference, String name, String idNumber) {
        return """
                {"assessments": [{"reference": "%s", "name": "%s", "idNumber": "%s", "region": "360000", "year": 2019,
                  "lines": [{"insurance": "PENSION", "months": ["2019-03"], "base": "2840.00", "rate": "0.20", "amount": "568.00"}]}]}
                """.formatted(reference, name, idNumber);
    }

    /** schema.table.column of every text-like column of every table the service's database has, through JDBC. */
    private List<String> textColumns() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select c.table_schema, c.table_name, c.column_name from information_schema.columns c"
                        + " join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name"
                        + " where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')"
                        + " and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')"
                        + " order by 1, 2, 3"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1) + "." + r.getString(2) + "." + r.getString(3));
            }
        }
        return out;
    }

    /** The columns holding {@code value} anywhere in one of their values, case-insensitively. */
    private List<String> holding(List<String> columns, String value) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String column : columns) {
                String[] p = column.split("\\.");
                String sql = "select count(*) from \"" + p[0] + "\".\"" + p[1] + "\" where strpos(lower(cast(\"" + p[2]
                        + "\" as text)), lower(?)) > 0";
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, value);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        if (r.getLong(1) > 0) {
                            found.add(column);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** A valid-looking resident ID number of {@code region}, random enough not to collide with other tests'. */
    private static String randomIdNumber(String region) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String body = region + (1960 + random.nextInt(40)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return body + "0123456789X".charAt(random.nextInt(11));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
