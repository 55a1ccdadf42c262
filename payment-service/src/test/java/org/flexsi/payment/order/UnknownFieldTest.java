package org.flexsi.payment.order;

import static io.restassured.RestAssured.given;
import static org.flexsi.payment.support.Fixtures.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flexsi.payment.support.SimulatorsResource;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 3: a body with a field the request does not have is refused by name (400 unknown-field), on our own
 * API; what partners send us (provider notifications) and answer us keeps working with fields we do not know.
 */
@QuarkusTest
class UnknownFieldTest {
    @Inject
    DataSource db;

    @Test
    void anOrderWithAFieldItDoesNotHaveIsRefusedByName() {
        String person = newPerson();
        String serial = payable(db, person);
        given().header("Authorization", contributor(person)).header("Idempotency-Key", "k-" + UUID.randomUUID())
                .contentType("application/json")
                .body("{\"assessmentSerial\":\"" + serial + "\",\"channel\":\"WECHAT\",\"base\":\"3980.00\"}")
                .post("/api/v1/payments").then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("unknown-field")).body("detail", containsString("base"))
                .body("errors[0].field", equalTo("base"));
        assertEquals(0, count(db, "select count(*) from payment where assessment_serial = ?", serial));
    }

    @Test
    void aBankCounterConfirmationWithAFieldItDoesNotHaveIsRefusedByName() {
        String serial = payable(db, newPerson());
        bank(TEST_BANK, TEST_BANK_SECRET, "POST", "/api/v1/bank/payments", "{\"assessmentSerial\":\"" + serial
                + "\",\"bankTransactionId\":\"TB-" + UUID.randomUUID() + "\",\"amount\":\"" + WEIFANG_MONTH_TOTAL
                + "\",\"method\":\"CASH\",\"teller\":\"007\"}").then().statusCode(400)
                .contentType("application/problem+json").body("type", containsString("unknown-field"))
                .body("errors[0].field", equalTo("teller"));
        assertEquals(0, count(db, "select count(*) from payment where assessment_serial = ?", serial));
    }

    @Test
    void aProviderNotificationWithFieldsWeDoNotKnowIsStillBooked() {
        String person = newPerson();
        String serial = payable(db, person);
        // the order is made through the provider simulator's answer (read as a tree: its extra fields do not matter)
        String paymentId = createOrder(contributor(person), serial, "WECHAT").then().statusCode(201).extract().path("paymentId");
        providerCallback("wechat", SimulatorsResource.WECHAT_SECRET, "{\"merchantOrderId\":\"" + paymentId
                + "\",\"transactionId\":\"wx-tx-" + paymentId.substring(0, 8) + "\",\"amount\":\"" + WEIFANG_MONTH_TOTAL
                + "\",\"status\":\"SUCCESS\",\"paidAt\":\"" + Instant.now() + "\",\"promotionDetail\":[{\"id\":\"p1\"}],"
                + "\"bankType\":\"CMB_DEBIT\"}").then().statusCode(200);
        assertEquals("PAID", text(db, "select status from payment where id = ?::uuid", paymentId));
    }
}
