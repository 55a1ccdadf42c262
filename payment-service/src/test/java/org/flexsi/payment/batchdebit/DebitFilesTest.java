package org.flexsi.payment.batchdebit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebitFilesTest {
    private static final UUID BATCH = UUID.fromString("5f0c7a52-2d7e-4c33-9f0e-0e4f3b0c1a11");

    @Test
    void theDebitFileHasHeaderDetailsTrailerAndAChecksumOfEverythingAbove() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean[] closed = {false};
        // buffered, as a file is: what finish() leaves unflushed would be missing
        OutputStream file = new BufferedOutputStream(out) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        UUID p1 = UUID.randomUUID();
        UUID p2 = UUID.randomUUID();
        DebitFileWriter.Summary summary;
        try (DebitFileWriter writer = new DebitFileWriter(file, BATCH, "icbc", "2026-11", Instant.parse("2026-11-21T01:00:00Z"))) {
            writer.detail(p1, "6222021234567890123", "张三", new BigDecimal("1087.12"), "WF-1");
            writer.detail(p2, "6222029876543210987", "李|四", new BigDecimal("1237.96"), "WF-2");
            summary = writer.finish();
            assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("S|" + summary.checksum() + "\n"), "all written when finished");
        }
        assertTrue(closed[0], "the file is closed with the writer");
        String written = out.toString(StandardCharsets.UTF_8);
        List<String> lines = written.lines().toList();
        assertEquals("H|FLEXSI-DEBIT|1|" + BATCH + "|icbc|2026-11|2026-11-21T01:00:00Z", lines.get(0));
        assertEquals("D|1|" + p1 + "|6222021234567890123|张三|1087.12|WF-1", lines.get(1));
        assertEquals("D|2|" + p2 + "|6222029876543210987|李 四|1237.96|WF-2", lines.get(2), "the separator never appears in a field");
        assertEquals("T|2|2325.08", lines.get(3));
        assertEquals(new BigDecimal("2325.08"), summary.total());
        assertEquals("S|" + sha256(written.substring(0, written.indexOf("S|"))), lines.get(4));
        assertEquals(summary.checksum(), lines.get(4).substring(2));
    }

    @Test
    void aResultFileIsReadWhenStructureTrailerAndChecksumHold() {
        UUID paid = UUID.randomUUID();
        UUID unpaid = UUID.randomUUID();
        DebitResultFile result = DebitResultFile.parse(result(List.of("R|1|" + paid + "|PAID|1087.12|B-1",
                "R|2|" + unpaid + "|ACCOUNT_CLOSED|1237.96|"), "T|2|1087.12"));
        assertEquals(BATCH, result.batchId());
        assertEquals("icbc", result.bankId());
        assertTrue(result.lines().get(0).paid());
        assertEquals("ACCOUNT_CLOSED", result.lines().get(1).result());
        assertEquals(null, result.lines().get(1).bankTransactionId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "wrong paid total;       R|1|PAYMENT|PAID|1087.12|B-1;        T|1|1087.13;   3",
            "wrong count;            R|1|PAYMENT|PAID|1087.12|B-1;        T|2|1087.12;   3",
            "broken trailer;         R|1|PAYMENT|PAID|1087.12|B-1;        X|1|1087.12;   3",
            "unknown result;         R|1|PAYMENT|MAYBE|1087.12|B-1;       T|1|0.00;      2",
            "paid without txn;       R|1|PAYMENT|PAID|1087.12|;           T|1|1087.12;   2",
            "bad amount;             R|1|PAYMENT|PAID|1087.1|B-1;         T|1|1087.1;    2",
            "bad payment id;         R|1|not-an-id|PAID|1087.12|B-1;      T|1|1087.12;   2",
            "bad seq;                R|one|PAYMENT|PAID|1087.12|B-1;      T|1|1087.12;   2",
            "missing cell;           R|1|PAYMENT|PAID|1087.12;            T|1|1087.12;   2",
    })
    void aBrokenResultFileBooksNothingAndNamesTheLine(String why, String row, String trailer, int line) {
        byte[] file = result(List.of(row.replace("PAYMENT", UUID.randomUUID().toString())), trailer);
        DebitResultFile.Invalid invalid = assertThrows(DebitResultFile.Invalid.class, () -> DebitResultFile.parse(file), why);
        assertEquals(line, invalid.line(), invalid.getMessage());
        assertTrue(invalid.getMessage().startsWith("line " + line + ": "), invalid.getMessage());
    }

    @Test
    void aBrokenSecondRowOrHeaderIsNamedByItsLine() {
        byte[] secondRow = result(List.of("R|1|" + UUID.randomUUID() + "|PAID|1087.12|B-1", "R|2|x|PAID|1.00|B-2"), "T|2|1088.12");
        assertEquals(3, assertThrows(DebitResultFile.Invalid.class, () -> DebitResultFile.parse(secondRow)).line());
        String good = new String(result(List.of(), "T|0|0.00"), StandardCharsets.UTF_8);
        assertEquals(1, assertThrows(DebitResultFile.Invalid.class,
                () -> DebitResultFile.parse(signed(good.substring(0, good.indexOf("\nS|") + 1).replace("|1|" + BATCH, "|2|" + BATCH))))
                .line(), "another format version");
        assertEquals(1, assertThrows(DebitResultFile.Invalid.class,
                () -> DebitResultFile.parse(signed(good.substring(0, good.indexOf("\nS|") + 1).replace(BATCH.toString(), "batch"))))
                .line(), "a batch id that is no id");
    }

    @Test
    void aResultWithoutLinesIsReadButAnEmptyOrHeadlessFileIsNot() {
        assertEquals(List.of(), DebitResultFile.parse(result(List.of(), "T|0|0.00")).lines());
        DebitResultFile.Invalid empty = assertThrows(DebitResultFile.Invalid.class, () -> DebitResultFile.parse(new byte[0]));
        assertEquals(0, empty.line());
        assertEquals("no checksum line", empty.getMessage());
        DebitResultFile.Invalid nothingSigned = assertThrows(DebitResultFile.Invalid.class, () -> DebitResultFile.parse(signed("\n")));
        assertEquals("needs a header and a trailer", nothingSigned.getMessage());
        DebitResultFile.Invalid headerOnly = assertThrows(DebitResultFile.Invalid.class,
                () -> DebitResultFile.parse(signed("H|FLEXSI-DEBIT-RESULT|1|" + BATCH + "|icbc\n")));
        assertEquals(0, headerOnly.line());
        assertEquals("needs a header and a trailer", headerOnly.getMessage());
    }

    @Test
    void anAlteredResultFileFailsItsChecksum() {
        String file = new String(result(List.of("R|1|" + UUID.randomUUID() + "|PAID|1087.12|B-1"), "T|1|1087.12"),
                StandardCharsets.UTF_8);
        byte[] altered = file.replace("B-1", "B-2").getBytes(StandardCharsets.UTF_8);
        assertThrows(DebitResultFile.Invalid.class, () -> DebitResultFile.parse(altered));
        assertThrows(DebitResultFile.Invalid.class, () -> DebitResultFile.parse("H|x\n".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0} batch on {2}: {3}")
    @CsvSource({
            "2026-11, 20, 2026-11-20, false",
            "2026-11, 20, 2026-11-21, true",
            "2026-11, 20, 2026-12-02, true",
            "2026-12, 20, 2026-12-02, false",
            "2026-02, 30, 2026-02-28, true",
    })
    void theBatchOfAMonthRunsOnlyAfterTheConfiguredDay(String month, int afterDay, String today, boolean open) {
        assertEquals(open, DebitWindow.open(YearMonth.parse(month), afterDay, LocalDate.parse(today)));
    }

    @ParameterizedTest(name = "{0} batch on {1}: {2}")
    @CsvSource({
            "2026-11, 2026-11-20, 'runs from 2026-11-21'",
            "2026-11, 2026-11-21, ''",
            "2026-11, 2026-11-30, ''",
            "2026-11, 2026-12-22, 'not for the past month 2026-11'",
            "2026-10, 2026-11-22, 'not for the past month 2026-10'",
            "2026-12, 2026-11-22, 'not for the future month 2026-12'",
            "2027-06, 2026-11-22, 'not for the future month 2027-06'",
    })
    void aBatchIsMadeOnlyForTheCurrentCollectionMonthAfterThe20th(String month, String today, String refusal) {
        assertEquals(refusal, DebitWindow.refusal(YearMonth.parse(month), 20, LocalDate.parse(today))
                .map(r -> r.contains(refusal) ? refusal : r).orElse(""));
    }

    private static byte[] result(List<String> rows, String trailer) {
        StringBuilder body = new StringBuilder("H|FLEXSI-DEBIT-RESULT|1|" + BATCH + "|icbc\n");
        rows.forEach(r -> body.append(r.strip()).append('\n'));
        body.append(trailer.strip()).append('\n');
        return signed(body.toString());
    }

    /** The body with its checksum line, as the bank signs it. */
    private static byte[] signed(String body) {
        return (body + "S|" + sha256(body) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
