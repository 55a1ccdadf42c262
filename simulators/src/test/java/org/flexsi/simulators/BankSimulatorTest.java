package org.flexsi.simulators;

import static org.flexsi.simulators.TestConfig.BANK;
import static org.flexsi.simulators.TestConfig.BANK_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.flexsi.simulators.fault.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BankSimulatorTest {
    private static final String RICH = "6222021234567890123";
    private static final String BROKE = "6222029876543210987";
    private static final String CLOSED = "6222020000000000001";

    private Simulators sims;
    private SimClient client;

    @BeforeEach
    void start() {
        sims = Simulators.start(TestConfig.fast());
        client = new SimClient(sims.baseUrl());
    }

    @AfterEach
    void stop() {
        sims.close();
    }

    @Test
    void aDebitFileIsDecidedPerAccountAndTheSameFileGetsTheSameResult() {
        assertEquals(200, setAccount(BROKE, "INSUFFICIENT_FUNDS").status());
        assertEquals(200, setAccount(CLOSED, "ACCOUNT_CLOSED").status());
        String batchId = UUID.randomUUID().toString();
        String p1 = UUID.randomUUID().toString();
        String p2 = UUID.randomUUID().toString();
        String p3 = UUID.randomUUID().toString();
        String file = debitFile(batchId, BANK, List.of(line(1, p1, RICH, "1070.62"), line(2, p2, BROKE, "1070.62"),
                line(3, p3, CLOSED, "500.00")), "3", "2641.24");

        SimClient.Reply result = client.signed(BANK_SECRET, "POST", "/banks/icbc/debit-files", file);
        assertEquals(200, result.status(), result.body());
        List<String> rows = result.body().lines().toList();
        assertEquals("H|FLEXSI-DEBIT-RESULT|1|" + batchId + "|icbc", rows.get(0));
        assertTrue(rows.get(1).startsWith("R|1|" + p1 + "|PAID|1070.62|icbc-dd-"), rows.get(1));
        assertEquals("R|2|" + p2 + "|INSUFFICIENT_FUNDS|1070.62|", rows.get(2));
        assertEquals("R|3|" + p3 + "|ACCOUNT_CLOSED|500.00|", rows.get(3));
        assertEquals("T|3|1070.62", rows.get(4));
        String body = result.body().substring(0, result.body().lastIndexOf("S|"));
        assertEquals("S|" + sha256(body), rows.get(5), "the result file carries its checksum");

        SimClient.Reply again = client.signed(BANK_SECRET, "POST", "/banks/icbc/debit-files", file);
        assertEquals(200, again.status());
        assertEquals(result.body(), again.body(), "the same file twice gets the same result");
        String other = debitFile(batchId, BANK, List.of(line(1, p1, RICH, "1.00")), "1", "1.00");
        assertEquals(409, client.signed(BANK_SECRET, "POST", "/banks/icbc/debit-files", other).status());

        String statement = statement(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        List<String> lines = statement.lines().toList();
        assertEquals("transactionId,reference,kind,amount,status,bookedAt", lines.get(0));
        assertEquals(2, lines.size(), "only the paid line moved money, once: " + statement);
        assertTrue(lines.get(1).contains("," + p1 + ",DEBIT,1070.62,PAID,"));
    }

    @Test
    void aRestartedBankDoesNotNumberItsTransactionsFromTheStartAgain() {
        String first = paidTransactionOfANewFile();
        sims.close();
        sims = Simulators.start(TestConfig.fast());
        client = new SimClient(sims.baseUrl());
        String afterRestart = paidTransactionOfANewFile();
        assertTrue(first.startsWith("icbc-dd-") && first.endsWith("-00000001"), first);
        assertTrue(afterRestart.startsWith("icbc-dd-") && afterRestart.endsWith("-00000001"), afterRestart);
        assertTrue(!first.equals(afterRestart), "the same id after a restart: " + first);
    }

    private String paidTransactionOfANewFile() {
        String paymentId = UUID.randomUUID().toString();
        String file = debitFile(UUID.randomUUID().toString(), BANK, List.of(line(1, paymentId, RICH, "1070.62")), "1", "1070.62");
        SimClient.Reply result = client.signed(BANK_SECRET, "POST", "/banks/icbc/debit-files", file);
        assertEquals(200, result.status(), result.body());
        return result.body().lines().toList().get(1).split("\\|")[5];
    }

    @Test
    void aBrokenDebitFileIsA400NamingTheBrokenPart() {
        String batchId = UUID.randomUUID().toString();
        List<String> lines = List.of(line(1, "p-1", RICH, "10.00"), line(2, "p-2", BROKE, "20.00"));
        assertDetail("trailer", debitFile(batchId, BANK, lines, "3", "30.00"));
        assertDetail("trailer", debitFile(batchId, BANK, lines, "2", "31.00"));
        assertDetail("header", debitFile(batchId, "ccb", lines, "2", "30.00"));
        assertDetail("line 3", debitFile(batchId, BANK, List.of(line(1, "p-1", RICH, "10.00"), line(2, "p-2", BROKE, "20")),
                "2", "30.00"));
        String good = debitFile(batchId, BANK, lines, "2", "30.00");
        assertDetail("checksum", good.replace("|10.00|", "|11.00|"));
        assertDetail("checksum", good.substring(0, good.indexOf("S|")));
        assertDetail("header", "X|FLEXSI-DEBIT|1\nT|0|0.00\n" + "S|" + sha256("X|FLEXSI-DEBIT|1\nT|0|0.00\n") + "\n");
        assertEquals(1, statement(LocalDate.now(ZoneId.of("Asia/Shanghai"))).lines().count(),
                "nothing was debited by a broken file");
    }

    @Test
    void aTransferIsPaidOnceAndFailsForAClosedAccount() {
        String transferId = UUID.randomUUID().toString();
        String body = transfer(transferId, RICH, "796.00");
        SimClient.Reply first = client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", body);
        assertEquals(201, first.status(), first.body());
        assertEquals("SUCCESS", first.json().get("status").asText());
        assertEquals("796.00", first.json().get("amount").asText());
        SimClient.Reply resent = client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", body);
        assertEquals(200, resent.status());
        assertEquals(first.json().get("bankTransactionId").asText(), resent.json().get("bankTransactionId").asText());
        assertEquals(409, client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", transfer(transferId, RICH, "797.00")).status());
        SimClient.Reply state = client.signed(BANK_SECRET, "GET", "/banks/icbc/transfers/" + transferId, null);
        assertEquals("SUCCESS", state.json().get("status").asText());
        assertEquals(404, client.signed(BANK_SECRET, "GET", "/banks/icbc/transfers/nope", null).status());

        assertEquals(200, setAccount(CLOSED, "ACCOUNT_CLOSED").status());
        SimClient.Reply failed = client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", transfer("t-closed", CLOSED, "1.00"));
        assertEquals(201, failed.status());
        assertEquals("FAILED", failed.json().get("status").asText());
        assertEquals("ACCOUNT_CLOSED", failed.json().get("reason").asText());

        JsonNode held = client.unsigned("GET", "/sim/banks/icbc/transfers", null).json().get("transfers");
        assertEquals(2, held.size());
        String statement = statement(LocalDate.now(ZoneId.of("Asia/Shanghai")));
        assertEquals(2, statement.lines().count(), "one successful transfer, booked once: " + statement);
        assertTrue(statement.contains("," + transferId + ",TRANSFER,796.00,SUCCESS,"));
    }

    @Test
    void badTransfersAndAccountsAre400sNamingTheField() {
        assertField("accountNumber", client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", transfer("t-1", "12-3", "1.00")));
        assertField("amount", client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", transfer("t-1", RICH, "0.00")));
        assertField("bankCode", client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers",
                transfer("t-1", RICH, "1.00").replace("102521000011", "1025")));
        assertField("transferId", client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", transfer("t/1", RICH, "1.00")));
        assertEquals(400, client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", "[]").status());
        assertField("outcome", setAccount(RICH, "MAYBE"));
        assertField("accountNumber", setAccount("abc", "REFUSED"));
        assertEquals(400, client.signed(BANK_SECRET, "GET", "/banks/icbc/statements/2026-13-01", null).status());
        assertTrue(sims.banks().transfers(BANK).isEmpty());
    }

    @Test
    void signaturesAreTheBanksAndUnknownBanksAre404() {
        String body = transfer("t-sig", RICH, "1.00");
        assertEquals(401, client.signed(TestConfig.secret(Party.WECHAT), "POST", "/banks/icbc/transfers", body).status());
        assertEquals(401, client.unsigned("POST", "/banks/icbc/transfers", body).status());
        long stale = Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond();
        assertEquals(401, client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", body, stale, "n-1").status());
        assertEquals(201, client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", body, Instant.now().getEpochSecond(), "n-2")
                .status());
        assertEquals(401, client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", body, Instant.now().getEpochSecond(), "n-2")
                .status(), "a reused nonce");
        assertEquals(404, client.signed(BANK_SECRET, "POST", "/banks/ccb/transfers", body).status());
        assertEquals(404, client.unsigned("POST", "/sim/banks/ccb/accounts", "{\"accountNumber\":\"" + RICH
                + "\",\"outcome\":\"REFUSED\"}").status());
        assertEquals(404, client.unsigned("GET", "/sim/banks/ccb/transfers", null).status());
    }

    @Test
    void downAndSlowFaultsApplyToBanks() {
        SimClient.Reply injected = client.unsigned("POST", "/sim/faults", "{\"target\":\"icbc\",\"mode\":\"down\",\"count\":1}");
        assertEquals(201, injected.status(), injected.body());
        assertEquals(503, client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", transfer("t-down", RICH, "1.00")).status());
        assertTrue(sims.banks().transfers(BANK).isEmpty(), "a down bank moved no money");
        assertEquals(201, client.signed(BANK_SECRET, "POST", "/banks/icbc/transfers", transfer("t-down", RICH, "1.00")).status());

        sims.faults().inject(Fault.bankSlow(BANK, Duration.ofMillis(300)).times(1));
        long started = System.nanoTime();
        assertEquals(200, client.signed(BANK_SECRET, "GET", "/banks/icbc/statements/2026-12-01", null).status());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);

        assertEquals(400, client.unsigned("POST", "/sim/faults", "{\"target\":\"ccb\",\"mode\":\"down\"}").status());
        assertEquals(400, client.unsigned("POST", "/sim/faults", "{\"target\":\"icbc\",\"mode\":\"drop-callbacks\"}").status());
        assertThrows(IllegalArgumentException.class, () -> Fault.bankDown("icbc").times(0));
    }

    @Test
    void bankIdsAreValidatedInTheConfig() {
        assertThrows(IllegalArgumentException.class, () -> SimulatorsConfig.builder().bankSecret("ICBC!", "s"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorsConfig.builder().bankSecret("wechat", "s"));
        assertThrows(IllegalArgumentException.class, () -> SimulatorsConfig.builder().bankSecret("ccb", " "));
    }

    private SimClient.Reply setAccount(String account, String outcome) {
        return client.unsigned("POST", "/sim/banks/icbc/accounts", "{\"accountNumber\":\"" + account + "\",\"outcome\":\""
                + outcome + "\"}");
    }

    private String statement(LocalDate day) {
        SimClient.Reply reply = client.signed(BANK_SECRET, "GET", "/banks/icbc/statements/" + day, null);
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("text/csv"));
        return reply.body();
    }

    private void assertDetail(String part, String file) {
        SimClient.Reply reply = client.signed(BANK_SECRET, "POST", "/banks/icbc/debit-files", file);
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.contentType().startsWith("application/problem+json"));
        assertTrue(reply.json().get("detail").asText().startsWith(part), reply.body());
    }

    private static void assertField(String field, SimClient.Reply reply) {
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.json().get("detail").asText().startsWith(field), reply.body());
    }

    private static String transfer(String transferId, String account, String amount) {
        return "{\"transferId\":\"" + transferId + "\",\"accountNumber\":\"" + account + "\",\"accountName\":\"张三\","
                + "\"bankCode\":\"102521000011\",\"amount\":\"" + amount + "\",\"purpose\":\"refund R25\"}";
    }

    private static String line(int seq, String paymentId, String account, String amount) {
        return "D|" + seq + "|" + paymentId + "|" + account + "|张三|" + amount + "|AS" + seq;
    }

    private static String debitFile(String batchId, String bankId, List<String> lines, String count, String total) {
        StringBuilder body = new StringBuilder("H|FLEXSI-DEBIT|1|" + batchId + "|" + bankId + "|2026-11|2026-11-21T01:00:00Z\n");
        lines.forEach(l -> body.append(l).append('\n'));
        body.append("T|").append(count).append('|').append(total).append('\n');
        return body + "S|" + sha256(body.toString()) + "\n";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
