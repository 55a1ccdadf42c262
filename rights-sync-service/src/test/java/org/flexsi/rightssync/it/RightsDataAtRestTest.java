package org.flexsi.rightssync.it;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.rightssync.it.Fixtures.awaitStatuses;
import static org.flexsi.rightssync.it.Fixtures.held;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Objects;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flexsi.contracts.events.LineItem;
import org.flexsi.contracts.events.PaymentSucceeded;
import org.flexsi.contracts.events.PersonRegistered;
import org.flexsi.platform.crypto.FieldCipher;
import org.flexsi.platform.crypto.Reencryption;
import org.flexsi.platform.testing.TestKafka;
import org.flexsi.platform.testing.TestTokens;
import org.flexsi.rightssync.person.RegistrationConsumer;
import org.flexsi.rightssync.replay.ReplayRequest;
import org.flexsi.simulators.Party;
import org.flexsi.simulators.agency.HeldRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, personal data at rest: the ID number and name are stored encrypted, rows from before are encrypted by the
 * platform's re-encryption job, the agencies still receive the full number, and a dump of the whole database holds
 * none of the ID numbers used.
 */
@QuarkusTest
class RightsDataAtRestTest {
    /** A Wuhan person written as the service wrote persons before encryption. */
    private static final String LEGACY_ID = "420106199003071238";
    private static final String LEGACY_NAME = "李秀英旧行";
    /** A Wuhan person registered through the topic, as now. */
    private static final String NEW_ID = "42010219851123461X";
    private static final String NEW_NAME = "赵建国新行";

    @Inject
    EntityManager em;
    @Inject
    FieldCipher cipher;
    @Inject
    Reencryption reencryption;

    @Test
    void rowsFromBeforeAreEncryptedAndStillReachTheAgencyInFull() {
        String legacy = Fixtures.person();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into person (person_id, id_number, name,"
                + " registered_at) values (?1, ?2, ?3, ?4)").setParameter(1, legacy).setParameter(2, LEGACY_ID)
                .setParameter(3, LEGACY_NAME).setParameter(4, Instant.now()).executeUpdate());
        assertEquals(LEGACY_ID, stored(legacy, "id_number"), "the row is plain, as rows from before are");

        assertTrue(reencryption.runAll() >= 2, "the plain ID number and name were moved");
        for (String column : List.of("id_number", "name")) {
            String value = stored(legacy, column);
            assertTrue(value.startsWith(cipher.currentPrefix()), value);
            assertFalse(value.contains(LEGACY_ID) || value.contains(LEGACY_NAME), value);
        }
        assertEquals(LEGACY_ID, cipher.decrypt(RegistrationConsumer.ID_NUMBER, stored(legacy, "id_number")));
        assertEquals(0, reencryption.runAll(), "nothing plain left");

        PaymentSucceeded payment = wuhanPension(legacy, "2026-09");
        TestKafka.publish(payment, Fixtures.PAYMENT);
        awaitStatuses(payment.paymentId(), 1, "CONFIRMED");
        HeldRecord atAgency = held(Party.PENSION, legacy).get(0);
        assertEquals(LEGACY_ID, atAgency.record().idNumber(), "the agency books rights by the full number");
        assertEquals(LEGACY_NAME, atAgency.record().name());
        Map<String, Object> pulled = await("the record in the pension feed").until(() -> inFeed(payment.paymentId()), Objects::nonNull);
        assertEquals(LEGACY_ID, pulled.get("idNumber"), "the pull feed gives the full number too");
        assertEquals(LEGACY_NAME, pulled.get("name"));
    }

    @Test
    void aDumpOfTheWholeDatabaseAfterAFlowHoldsNoIdNumberUsed() throws Exception {
        String person = Fixtures.person();
        TestKafka.publish(new PersonRegistered(person, "RESIDENT_ID", NEW_ID, NEW_NAME, "MALE", LocalDate.of(1985, 11, 23),
                "420100", null, null, null, Instant.now()), Fixtures.REGISTRATION);
        PaymentSucceeded payment = wuhanPension(person, "2026-10");
        TestKafka.publish(payment, Fixtures.PAYMENT);
        awaitStatuses(payment.paymentId(), 1, "CONFIRMED");
        assertEquals(NEW_ID, held(Party.PENSION, person).get(0).record().idNumber());
        await("the record in the pension feed").until(() -> inFeed(payment.paymentId()), Objects::nonNull);
        // replay once more (ops, idempotent write): the stored idempotent answer and the audit are in the dump too
        given().header("Authorization", Fixtures.OPS).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/json").body(new ReplayRequest(null, person, null, null, null, null, false))
                .post("/api/v1/rights/replays")
                .then().statusCode(200);

        String dump = pgDump();
        // the dump is of the database the flow wrote: it holds the person and payment ids (not secret)
        assertTrue(dump.contains(person) && dump.contains(payment.paymentId()), "the dump covers the flow's rows");
        List<String> found = new ArrayList<>();
        for (String secret : List.of(NEW_ID, LEGACY_ID, "370702198807150014", NEW_NAME, LEGACY_NAME)) {
            if (dump.contains(secret)) {
                found.add(secret);
            }
        }
        assertEquals(List.of(), found, "full ID numbers or names in plain text in the database");
        // and by JDBC, every text, varchar and JSON column of every table, in case the dump format hid something
        assertEquals(List.of(), textColumnsContaining(List.of(NEW_ID, LEGACY_ID, "370702198807150014")));
    }

    private static PaymentSucceeded wuhanPension(String person, String month) {
        return new PaymentSucceeded("pay-" + UUID.randomUUID(), "AS-" + UUID.randomUUID(), person, person, "420100",
                "WECHAT", "wechat", "tx-at-rest", List.of(new LineItem("PENSION", List.of(month), "4000.00", "0.16",
                "640.00", null)), "640.00", Instant.now());
    }

    private static Map<String, Object> inFeed(String paymentId) {
        long after = 0;
        while (true) {
            JsonPath page = given().header("Authorization", TestTokens.bearer("agency", "wuhan-pension"))
                    .queryParam("after", after).queryParam("limit", 1000).get("/api/v1/agencies/pension/records")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> records = page.getList("records");
            if (records.isEmpty()) {
                return null;
            }
            for (Map<String, Object> r : records) {
                if (paymentId.equals(r.get("paymentReference"))) {
                    return r;
                }
            }
            after = page.getLong("nextCursor");
        }
    }

    private String stored(String personId, String column) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select " + column + " from person where person_id = ?1").setParameter(1, personId).getSingleResult());
    }

    /** {@code table.column: secret} for every text-like column value that contains one of the secrets. */
    @SuppressWarnings("unchecked")
    private List<String> textColumnsContaining(List<String> secrets) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> columns = em.createNativeQuery("select table_name, column_name from information_schema.columns"
                    + " where table_schema = current_schema() and data_type in ('text', 'character varying', 'character',"
                    + " 'json', 'jsonb', 'ARRAY')").getResultList();
            assertTrue(columns.size() > 20, "the scan sees the tables: " + columns.size());
            List<String> hits = new ArrayList<>();
            for (Object[] c : columns) {
                for (String secret : secrets) {
                    Number n = (Number) em.createNativeQuery("select count(*) from \"" + c[0] + "\" where cast(\"" + c[1]
                            + "\" as text) like ?1").setParameter(1, "%" + secret + "%").getSingleResult();
                    if (n.longValue() > 0) {
                        hits.add(c[0] + "." + c[1] + ": " + secret);
                    }
                }
            }
            return hits;
        });
    }

    private static String pgDump() throws IOException, InterruptedException {
        var config = ConfigProvider.getConfig();
        URI url = URI.create(config.getValue("quarkus.datasource.jdbc.url", String.class).substring("jdbc:".length()));
        String database = url.getPath().substring(1);
        ProcessBuilder builder = new ProcessBuilder("pg_dump", "--data-only", "--no-owner", "-h", url.getHost(),
                "-p", Integer.toString(url.getPort() < 0 ? 5432 : url.getPort()),
                "-U", config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"), database)
                .redirectErrorStream(false);
        config.getOptionalValue("quarkus.datasource.password", String.class)
                .ifPresent(p -> builder.environment().put("PGPASSWORD", p));
        Process dump = builder.start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(dump.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(dump.waitFor(60, TimeUnit.SECONDS), "pg_dump finished");
        assertEquals(0, dump.exitValue(), "pg_dump failed: " + err);
        return out;
    }
}
