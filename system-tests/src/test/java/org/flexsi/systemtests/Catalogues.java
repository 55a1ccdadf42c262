package org.flexsi.systemtests;

/** The catalogue operations publish for the current year before anyone can be assessed in it. */
final class Catalogues {
    private Catalogues() {
    }

    /** Test data, not official figures: Jinan-like pension 20 % on a chosen base between floor and ceiling, medical 9 %. */
    static String jinan(int year) {
        return """
                {"region": "370100", "year": %1$d, "firstMonth": "%1$d-01", "lastMonth": "%1$d-12", "effectiveFrom": "%1$d-01-01",
                 "source": "system test data, not official figures",
                 "window": {"rule": "YEAR_TO_DATE", "ruleRef": "R13", "yearStartMonth": 1, "deferrals": []},
                 "insurances": [
                   {"insurance": "PENSION", "base": {"floor": "4500.00", "ceiling": "22500.00"},
                    "plans": [{"code": "STANDARD", "parts": [{"rate": "0.20"}]}]},
                   {"insurance": "MEDICAL", "base": {"fixed": "4500.00"},
                    "plans": [{"code": "WITH_ACCOUNT", "description": "with personal account", "parts": [{"rate": "0.09"}]}]}]}
                """.formatted(year);
    }
}
