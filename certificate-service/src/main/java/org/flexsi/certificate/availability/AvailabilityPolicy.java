package org.flexsi.certificate.availability;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.flexsi.certificate.config.CertificateConfig;
import org.flexsi.certificate.config.RegionLookup;
import org.flexsi.platform.calendar.CalendarNotLoadedException;
import org.flexsi.platform.calendar.CalendarService;
import org.flexsi.platform.problem.ProblemException;

/** When a region offers payment details and certificates (R22), on the working-day calendar of the platform. */
@ApplicationScoped
public class AvailabilityPolicy {
    private final CertificateConfig config;
    private final CalendarService calendars;
    private final Clock clock;

    public AvailabilityPolicy(CertificateConfig config, CalendarService calendars, Clock clock) {
        this.config = config;
        this.calendars = calendars;
        this.clock = clock;
    }

    public LocalDate recordsFrom(String region, Instant paidAt) {
        return from(paidAt, delay(region).recordsAfterWorkingDays());
    }

    public LocalDate certificatesFrom(String region, Instant paidAt) {
        return from(paidAt, delay(region).certificatesAfterWorkingDays());
    }

    /** R22: working days after the payment date from which the region offers certificates. */
    public int certificateDelay(String region) {
        return delay(region).certificatesAfterWorkingDays();
    }

    public boolean isAvailable(LocalDate availableFrom) {
        return AvailabilityRule.isAvailable(availableFrom, clock.instant());
    }

    /** 409 with {@code availableFrom} unless the day has come. */
    public void requireAvailable(LocalDate availableFrom, String what) {
        if (!isAvailable(availableFrom)) {
            throw new ProblemException(ProblemException.conflict("not-yet-available",
                    what + " is available from " + availableFrom + " (R22: working days after the payment)")
                    .problem().with("availableFrom", availableFrom.toString()));
        }
    }

    private CertificateConfig.Delay delay(String region) {
        return RegionLookup.find(config.availability().regions(), region).orElse(config.availability().defaultDelay());
    }

    private LocalDate from(Instant paidAt, int workingDays) {
        try {
            return AvailabilityRule.availableFrom(calendars.calendar(), paidAt, workingDays);
        } catch (CalendarNotLoadedException e) {
            // a guessed date would be wrong; operations must publish the year first
            throw ProblemException.unavailable("the working-day calendar does not cover this date yet: " + e.getMessage(), 3600);
        }
    }
}
