package org.flexsi.registration.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 20: registration's own figures, counted once the change commits and not for a refused one. */
@QuarkusTest
class RegistrationMetricsTest {
    @Inject
    MeterRegistry registry;

    @Test
    void registrationsEnrolmentChangesAndRefusedBulkRowsAreCounted() {
        double registered = count("flexsi.registration.registrations", "region", "420100");
        double interrupted = count("flexsi.registration.enrolment.changes", "kind", "interrupted");
        double rejected = count("flexsi.registration.bulk.rows.rejected", null, null);

        String personId = Fixtures.registerWuhan();
        Fixtures.agency().body("{\"lastCoveredMonth\":\"2026-03\",\"reason\":\"stopped working\"}")
                .post("/api/v1/persons/" + personId + "/enrolments/PENSION/interruption").then().statusCode(200);
        // a second interruption of the same enrolment is refused: nothing more is counted
        Fixtures.agency().body("{\"lastCoveredMonth\":\"2026-03\",\"reason\":\"again\"}")
                .post("/api/v1/persons/" + personId + "/enrolments/PENSION/interruption").then().statusCode(409);
        String tooOld = Fixtures.residentId(LocalDate.of(1960, 5, 5), true);
        Fixtures.agency().body("[" + Fixtures.wuhanBody(Fixtures.freshId()) + "," + Fixtures.wuhanBody(tooOld) + "]")
                .post("/api/v1/persons/bulk").then().statusCode(200);

        assertEquals(registered + 2, count("flexsi.registration.registrations", "region", "420100"));
        assertEquals(interrupted + 1, count("flexsi.registration.enrolment.changes", "kind", "interrupted"));
        assertEquals(rejected + 1, count("flexsi.registration.bulk.rows.rejected", null, null));
    }

    private double count(String name, String tag, String value) {
        var search = registry.find(name);
        Counter counter = (tag == null ? search : search.tag(tag, value)).counter();
        return counter == null ? 0 : counter.count();
    }
}
