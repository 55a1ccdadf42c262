package org.flexsi.rightssync.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditExportServiceTest {
    @Test
    void cellsAreQuotedAndDefused() {
        Map<String, String> cases = Map.of(
                "PEN-000001", "PEN-000001",
                "person not enrolled, sorry", "\"person not enrolled, sorry\"",
                "say \"no\"", "\"say \"\"no\"\"\"",
                "=HYPERLINK(1)", "'=HYPERLINK(1)",
                "-1+1", "'-1+1",
                "", "");
        cases.forEach((value, expected) -> assertEquals(expected, AuditExportService.cell(value), value));
        assertEquals("", AuditExportService.cell(null));
    }
}
