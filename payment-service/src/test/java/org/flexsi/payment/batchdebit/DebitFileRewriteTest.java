package org.flexsi.payment.batchdebit;

import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Objects;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flexsi.payment.config.PaymentConfig;
import org.junit.jupiter.api.Test;

/**
 * A batch whose file is not on the instance that needs it (its maker died with its disk) is written again from the
 * database, and used only when it is the file the batch recorded.
 */
@QuarkusTest
class DebitFileRewriteTest {
    @Inject
    DataSource db;

    @Inject
    PaymentConfig config;

    @Inject
    org.flexsi.platform.crypto.FieldCipher cipher;

    @Test
    void aBatchWhoseFileWentWithItsMakerIsWrittenAgainAndSent() throws Exception {
        String person = newPerson();
        String serial = payableByDebit(person);

        DebitBatchRunner.Batch made = madeByAnInstanceThatDied(TEST_BANK, "2031-02", null);

        JsonPath sent = awaitSubmission(made.batchId().toString(), "SENT");
        assertEquals(1, sent.getInt("submission.attempts"));
        assertEquals(made.summary().checksum(), sent.getString("checksum"));
        assertEquals("PAID", text(db, "select status from payment where assessment_serial = ? and debit_batch_id = ?::uuid",
                serial, made.batchId().toString()));
        // what went to the bank is the very file the batch recorded
        Path rewritten = Path.of(config.debit().directory()).resolve(made.file().getFileName());
        assertEquals("S|" + made.summary().checksum(), lastLine(Files.readString(rewritten)));
        assertEquals(0, count(db, "select count(*) from ops_issue where external_txn_id = ?", made.batchId().toString()));
    }

    @Test
    void aFileThatComesOutOtherwiseThanRecordedIsNeitherSentNorServedButRaisedOnce() throws Exception {
        String person = newPerson();
        String serial = payableByDebit(person);

        // the contributor signed another account after the file was written: written again, the file differs
        DebitBatchRunner.Batch made = madeByAnInstanceThatDied(TEST_BANK, "2031-03", person);
        String batchId = made.batchId().toString();

        JsonPath refused = awaitSubmission(batchId, "REFUSED");
        assertTrue(refused.getString("submission.lastError").contains("not the recorded checksum"),
                refused.getString("submission.lastError"));
        assertEquals(0, refused.getInt("results.files"));
        JsonPath issue = given().header("Authorization", ops()).get("/api/v1/ops/issues?kind=DEBIT_FILE_UNSENT&state=OPEN")
                .then().statusCode(200).extract().jsonPath().setRootPath("find { it.externalTransactionId == '" + batchId + "' }");
        assertEquals("BANK_DEBIT", issue.getString("channel"));
        assertTrue(issue.getString("detail").contains("is not sent"), issue.getString("detail"));

        bank(TEST_BANK, TEST_BANK_SECRET, "GET", "/api/v1/bank/debit-batches/" + batchId + "/file", null).then()
                .statusCode(409).contentType(containsString("problem+json")).body("detail", containsString("agreement"));
        // a batch made after the refusal is sent: the submitter has run since, and sent, raised or wrote nothing more
        payableByDebit(newPerson());
        awaitSubmission(madeByAnInstanceThatDied(TEST_BANK, "2031-05", null).batchId().toString(), "SENT");
        assertEquals(1, count(db, "select count(*) from ops_issue where kind = 'DEBIT_FILE_UNSENT' and external_txn_id = ?",
                batchId));
        assertEquals("PAYING", text(db, "select status from payment where assessment_serial = ? and debit_batch_id = ?::uuid",
                serial, batchId));
        assertEquals(1, batchView(TEST_BANK, batchId).getInt("submission.attempts"));
        assertFalse(Files.exists(Path.of(config.debit().directory()).resolve(made.file().getFileName())));
    }

    @Test
    void aBankFetchingAFileThisInstanceLostGetsTheRecordedFile() throws Exception {
        String person = newPerson();
        payableForDebit(db, person);
        agreement(person, OTHER_BANK, newAccount()).then().statusCode(201);
        String batchId = debitBatch(OTHER_BANK, "2031-04").then().statusCode(201).extract().path("batchId");
        Path file = Path.of(config.debit().directory()).resolve(text(db, "select file_name from debit_batch where id = ?::uuid",
                batchId));
        String original = Files.readString(file);
        Files.delete(file);

        String fetched = bank(OTHER_BANK, OTHER_BANK_SECRET, "GET", "/api/v1/bank/debit-batches/" + batchId + "/file", null)
                .then().statusCode(200).extract().asString();
        assertEquals(original, fetched);
        assertTrue(Files.exists(file));
    }

    /** An open assessment of the person's, and his debit agreement with the test bank; returns its serial. */
    private String payableByDebit(String person) {
        String serial = payableForDebit(db, person);
        agreement(person, TEST_BANK, newAccount()).then().statusCode(201);
        return serial;
    }

    private static JsonPath awaitSubmission(String batchId, String state) {
        return await("batch " + batchId + " " + state).until(() -> {
            JsonPath view = batchView(TEST_BANK, batchId);
            return state.equals(view.getString("submission.state")) ? view : null;
        }, Objects::nonNull);
    }

    /**
     * A batch as an instance leaves it when it dies with its disk: made and committed (SEND, never tried), its file on
     * no disk here. With {@code resigned}, that person's agreement is changed to another account before the commit.
     */
    private DebitBatchRunner.Batch madeByAnInstanceThatDied(String bankId, String month, String resigned)
            throws SQLException, IOException {
        Path elsewhere = Files.createTempDirectory("flexsi-debit-gone");
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            DebitBatchRunner.Batch batch = DebitBatchRunner.run(connection, bankId, month, elsewhere, java.time.Instant.now(),
                    cipher::decrypt);
            if (resigned != null) {
                try (PreparedStatement update = connection.prepareStatement(
                        "update debit_agreement set account_number = ? where person_id = ?")) {
                    update.setString(1, newAccount());
                    update.setString(2, resigned);
                    assertEquals(1, update.executeUpdate());
                }
            }
            Files.delete(batch.file());
            Files.delete(elsewhere);
            connection.commit();
            return batch;
        }
    }

    private static String lastLine(String text) {
        return text.lines().reduce((a, b) -> b).orElseThrow();
    }
}
