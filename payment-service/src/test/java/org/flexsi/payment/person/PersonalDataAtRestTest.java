package org.flexsi.payment.person;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flexsi.payment.batchdebit.DebitBatchRunner;
import org.flexsi.payment.common.Digests;
import org.flexsi.payment.refund.EncryptedAccount;
import org.flexsi.payment.refund.Refund;
import org.flexsi.platform.crypto.BlindIndex;
import org.flexsi.platform.crypto.FieldCipher;
import org.flexsi.platform.crypto.Reencryption;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, personal data at rest: bank accounts, their holders' names and registered names are stored encrypted in
 * every table that holds them, persons are found by the keyed resident-id index, rows written before are migrated, and after a flow
 * no text column of any table holds an account, ID number or name used in it. Debit files still carry the real account.
 */
@QuarkusTest
class PersonalDataAtRestTest {
    @Inject
    DataSource db;
    @Inject
    Reencryption reencryption;
    @Inject
    ResidentIds residentIds;
    @Inject
    FieldCipher cipher;
    @Inject
    BlindIndex blindIndex;

    private static String idNumber() {
        return "37070219850101" + String.format("%03d", (int) (Math.random() * 1000)) + "x";
    }

    @Test
    void rowsWrittenBeforeAreEncryptedAndIndexedInPlace() throws Exception {
        String person = newPerson();
        String idNumber = idNumber();
        String account = newAccount();
        String payoutAccount = newAccount();
        // as the service wrote them before: the unkeyed digest, the account and names in plain text
        String serial = payableForDebit(db, person, "2025-04");
        update("insert into person (person_id, id_number_hash, name, region) values (?, ?, '赵六', '370700')", person,
                Digests.sha256Hex(idNumber.toUpperCase(Locale.ROOT)));
        update("insert into debit_agreement (person_id, bank_id, account_number, account_name, signed_at)"
                + " values (?, ?, ?, '赵六', now())", person, OTHER_BANK, account);
        UUID paymentId = UUID.randomUUID();
        update("insert into payment (id, assessment_serial, person_id, payer_id, region, channel, status, amount, lines,"
                + " created_at, expires_at, updated_at) values (?, 'AS-OLD-" + paymentId + "', ?, ?, '370700', 'WECHAT',"
                + " 'PAID', 796.00, '[]', now(), now(), now())", paymentId, person, person);
        UUID refundId = UUID.randomUUID();
        update("insert into refund (id, payment_id, person_id, applicant_id, kind, lines, total, reason, state, bank_account,"
                + " bank_name, bank_code, account_name, created_at, region) values (?, ?, ?, ?, 'APPLICATION', '[]', 796.00,"
                + " 'paid twice', 'REJECTED', ?, '中国工商银行', '102521000011', '赵六', now(), '370700')",
                refundId, paymentId, person, person, payoutAccount);
        // a counter finds the person before the migration (the unkeyed digest still matches) ...
        owedQuery(idNumber, "赵六", serial);

        reencryption.runAll();
        residentIds.migrate();

        assertEquals(blindIndex.of("resident-id", idNumber.toUpperCase(Locale.ROOT)),
                text(db, "select id_number_hash from person where person_id = ? and id_number_keyed", person),
                "the same index as assessment-service's: kind resident-id over the upper-cased number");
        String storedAccount = text(db, "select account_number from debit_agreement where person_id = ?", person);
        String storedName = text(db, "select account_name from debit_agreement where person_id = ?", person);
        assertTrue(storedAccount.startsWith("enc1:") && storedName.startsWith("enc1:"), storedAccount + " " + storedName);
        assertEquals(account, cipher.decrypt(DebitBatchRunner.ACCOUNT_NUMBER, storedAccount));
        assertEquals("赵六", cipher.decrypt(DebitBatchRunner.ACCOUNT_NAME, storedName));
        String storedPersonName = text(db, "select name from person where person_id = ?", person);
        assertTrue(storedPersonName.startsWith("enc1:"), storedPersonName);
        assertEquals("赵六", cipher.decrypt(Persons.NAME_COLUMN, storedPersonName));
        assertTrue(text(db, "select bank_account from refund where id = ?", refundId).startsWith("enc1:"));
        assertTrue(text(db, "select account_name from refund where id = ?", refundId).startsWith("enc1:"));
        Refund refund = QuarkusTransaction.requiringNew().call(() -> Refund.<Refund>findById(refundId));
        assertEquals(payoutAccount, refund.bankAccount);
        assertEquals("赵六", refund.accountName);
        // a value moved to another column does not decrypt: each column is its own context
        assertNotEquals(account, safeDecrypt(EncryptedAccount.BANK_ACCOUNT, storedAccount));

        // ... and after it, by the keyed index, the check digit given either way
        owedQuery(idNumber.toUpperCase(Locale.ROOT), "赵六", serial);
        owedQuery(idNumber, "赵六", serial);

        // the bank's debit file holds the real account, not what the database stores
        String batchId = debitBatch(OTHER_BANK, "2025-04").then().statusCode(201).extract().path("batchId");
        String file = bank(OTHER_BANK, OTHER_BANK_SECRET, "GET", "/api/v1/bank/debit-batches/" + batchId + "/file", null)
                .then().statusCode(200).extract().asString();
        assertTrue(file.contains("|" + account + "|赵六|"), file);
    }

    @Test
    void afterAFlowNoTextColumnOfAnyTableHoldsAnAccountIdNumberOrName() throws Exception {
        String person = newPerson();
        String idNumber = idNumber();
        String debitAccount = newAccount();
        String refundAccount = newAccount();
        register(person, idNumber, "孙八");
        await("person").until(() -> count(db, "select count(*) from person where person_id = ?", person) == 1);
        String serial = payableForDebit(db, person, "2025-05");
        owedQuery(idNumber, "孙八", serial);

        // batch debit: the agreement, the batch, the bank fetches its file (with the real account) and hands in its result
        agreement(person, OTHER_BANK, debitAccount).then().statusCode(201);
        String batchId = debitBatch(OTHER_BANK, "2025-05").then().statusCode(201).extract().path("batchId");
        String result = debitAtBank(OTHER_BANK, OTHER_BANK_SECRET, batchId);
        handIn(OTHER_BANK, OTHER_BANK_SECRET, result).then().statusCode(200);
        String paymentId = text(db, "select id::text from payment where debit_batch_id = ?::uuid and person_id = ?", batchId,
                person);
        await("debited").until(() -> "PAID".equals(text(db, "select status from payment where id = ?::uuid", paymentId)));

        // a refund application to another account
        given().header("Authorization", contributor(person)).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json").body("{\"lines\":[{\"insurance\":\"PENSION\",\"amount\":\"796.00\"}],"
                        + "\"bankAccount\":\"" + refundAccount + "\",\"bankName\":\"中国工商银行武汉分行\","
                        + "\"bankCode\":\"102521000011\",\"reason\":\"paid twice\"}")
                .post("/api/v1/payments/" + paymentId + "/refunds").then().statusCode(201);
        reencryption.runAll();

        List<String> secrets = List.of(idNumber, idNumber.toUpperCase(Locale.ROOT), debitAccount, refundAccount, "孙八");
        List<String> found = new ArrayList<>();
        int columns = 0;
        try (Connection connection = db.getConnection()) {
            List<String[]> textColumns = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery("select c.table_name, c.column_name"
                    + " from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema"
                    + " and t.table_name = c.table_name where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'"
                    + " and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')")) {
                while (rs.next()) {
                    textColumns.add(new String[] { rs.getString(1), rs.getString(2) });
                }
            }
            for (String[] column : textColumns) {
                columns++;
                String value = "bytea".equals(dataType(connection, column)) ? "encode(" + quote(column[1]) + ", 'escape')"
                        : quote(column[1]) + "::text";
                for (String secret : secrets) {
                    try (PreparedStatement probe = connection.prepareStatement("select count(*) from " + quote(column[0])
                            + " where strpos(" + value + ", ?) > 0")) {
                        probe.setString(1, secret);
                        try (ResultSet rs = probe.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + " holds " + secret);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(columns > 20, "every text column of every table was read: " + columns);
        assertTrue(text(db, "select account_number from debit_agreement where person_id = ?", person).startsWith("enc1:"));
        assertEquals(List.of(), found);
    }

    private static String dataType(Connection connection, String[] column) throws SQLException {
        try (PreparedStatement type = connection.prepareStatement("select data_type from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ? and column_name = ?")) {
            type.setString(1, column[0]);
            type.setString(2, column[1]);
            try (ResultSet rs = type.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private String safeDecrypt(String context, String stored) {
        try {
            return cipher.decrypt(context, stored);
        } catch (IllegalStateException refused) {
            return null;
        }
    }

    /** A bank counter asks what the person with this ID number and name owes. */
    private static void owedQuery(String idNumber, String name, String serial) {
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", "/api/v1/bank/owed-queries",
                "{\"idNumber\":\"" + idNumber + "\",\"name\":\"" + name + "\"}").then().statusCode(200)
                .body("assessmentSerial", hasItem(serial));
    }

    private void update(String sql, Object... params) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }
}
