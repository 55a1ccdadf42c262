package org.flexsi.simulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransactionIdsTest {
    @Test
    void idsCarryTheRunSoTwoRunsNeverShareOne() {
        TransactionIds before = new TransactionIds("ccb", Instant.parse("2026-12-01T02:03:04.005Z"));
        TransactionIds after = new TransactionIds("ccb", Instant.parse("2026-12-01T02:03:04.006Z"));
        assertEquals("ccb-dd-261201020304005-00000001", before.next("dd"));
        assertEquals("ccb-tr-261201020304005-00000002", before.next("tr"));
        assertNotEquals(before.next("dd"), after.next("dd"));
        assertEquals("ccb-dd-261201020304006-00000002", after.next("dd"));
    }
}
