package org.flexsi.platform.calendar;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.flexsi.contracts.events.CalendarYearPublished;
import org.flexsi.platform.inbox.IncomingEvent;
import org.flexsi.platform.inbox.MalformedEventException;

/**
 * The working-day calendar a service computes with: the years bundled in the release, replaced or
 * extended by the years operations publish on the compacted calendar topic (no release needed).
 */
@ApplicationScoped
public class CalendarService {
    private final AtomicReference<WorkingDayCalendar> current = new AtomicReference<>(WorkingDayCalendar.bundled());

    public WorkingDayCalendar calendar() {
        return current.get();
    }

    @Incoming("calendar-in")
    public void onYearPublished(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.parse(record);
        if (!CalendarYearPublished.TYPE.equals(event.type())) {
            return;
        }
        CalendarYearPublished published = event.dataAs(CalendarYearPublished.class);
        CalendarYear year;
        try {
            year = CalendarYear.of(published.year(), published.offDays(), published.workDays(),
                    published.source() == null ? "published " + published.publishedAt() : published.source());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("calendar year " + published.year() + " is invalid: " + e.getMessage(), e);
        }
        current.updateAndGet(calendar -> calendar.withYear(year));
        Log.infof("working-day calendar %d loaded from %s", year.year(), event.source());
    }
}
