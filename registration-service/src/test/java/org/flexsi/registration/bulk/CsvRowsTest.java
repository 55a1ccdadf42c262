package org.flexsi.registration.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.flexsi.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
    @Test
    void rowsAreMapsByHeaderWithoutEmptyValuesOrBlankLines() {
        String csv = "\uFEFF idType , name,agency\r\n"
                + "RESIDENT_ID, 张伟 ,\"武汉市社会保险中心, 武昌\"\r\n"
                + "\r\n"
                + "   \n"
                + "PASSPORT,,\"say \"\"hi\"\"\"\n"
                + "RESIDENT_ID";
        assertEquals(List.of(
                Map.of("idType", "RESIDENT_ID", "name", "张伟", "agency", "武汉市社会保险中心, 武昌"),
                Map.of("idType", "PASSPORT", "agency", "say \"hi\""),
                Map.of("idType", "RESIDENT_ID")), CsvRows.parse(csv));
    }

    @Test
    void aFieldKeepsItsLineBreaksInsideQuotes() {
        assertEquals(List.of(Map.of("name", "a\nb")), CsvRows.parse("name\n\"a\nb\"\n"));
    }

    @Test
    void noHeaderOrAnUnclosedQuoteIsBadInputNamingTheBody() {
        ProblemException empty = assertThrows(ProblemException.class, () -> CsvRows.parse(""));
        assertEquals("body", empty.problem().errors().get(0).field());
        ProblemException unclosed = assertThrows(ProblemException.class, () -> CsvRows.parse("idType,idNumber\n\"unclosed"));
        assertEquals(400, unclosed.problem().status());
        assertEquals("body", unclosed.problem().errors().get(0).field());
        assertTrue(unclosed.problem().errors().get(0).message().contains("line 2"), unclosed.problem().errors().get(0).message());
    }
}
