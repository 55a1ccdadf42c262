package org.flexsi.payment.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flexsi.contracts.signing.HttpSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedCallsTest {
    @Test
    void aFileIsSignedExactlyAsTheContractSignsItsBytes(@TempDir Path dir) throws Exception {
        byte[] content = "H|FLEXSI-DEBIT|1|b|icbc|2026-11|t\nD|1|p|6222021234567890123|张三|1070.62|WF-1\n".repeat(2000)
                .getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("debit.txt"), content);
        String expected = HttpSignature.sign("s3cret", "POST", "/banks/icbc/debit-files", 1_700_000_000L, "n-1", content);
        assertEquals(expected, SignedCalls.signFile("s3cret", "POST", "/banks/icbc/debit-files", 1_700_000_000L, "n-1", file));
        assertNotEquals(expected, SignedCalls.signFile("other", "POST", "/banks/icbc/debit-files", 1_700_000_000L, "n-1", file));
    }
}
