package org.flexsi.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueDiffTest {
    @Test
    void onlyTheFieldsADraftChangesAddsOrDropsAreShown() {
        Map<String, Object> published = Map.of("region", "370100", "year", 2026, "insurances", List.of(
                Map.of("insurance", "PENSION", "base", Map.of("floor", "4500.00", "ceiling", "22500.00")),
                Map.of("insurance", "MEDICAL", "base", Map.of("fixed", "4500.00"))));
        Map<String, Object> draft = Map.of("region", "370100", "year", 2026, "source", "notice 2026-12",
                "insurances", List.of(Map.of("insurance", "PENSION", "base", Map.of("floor", "4800.00", "ceiling", "22500.00"))));
        assertEquals(List.of(
                new CatalogueDiff.Line("insurances[0].base.floor", "4500.00", "4800.00"),
                new CatalogueDiff.Line("insurances[1].base.fixed", "4500.00", ""),
                new CatalogueDiff.Line("insurances[1].insurance", "MEDICAL", ""),
                new CatalogueDiff.Line("source", "", "notice 2026-12")), CatalogueDiff.of(published, draft));
        assertEquals(List.of(), CatalogueDiff.of(draft, draft));
        assertEquals(6, CatalogueDiff.of(null, draft).size(), "nothing published: every field is new");
    }
}
