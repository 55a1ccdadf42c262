package org.flexsi.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** One year of the working-day calendar; keyed by year on a compacted topic, so the latest wins. Schema: {@code contracts/events/org.flexsi.calendar.year-published.v1.json}. */
public record CalendarYearPublished(
        int year,
        String source,
        List<LocalDate> offDays,
        List<LocalDate> workDays,
        Instant publishedAt) implements Event {
    public static final String TYPE = "org.flexsi.calendar.year-published.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.CALENDAR;
    }

    @Override
    public String partitionKey() {
        return Integer.toString(year);
    }

    @Override
    public String subject() {
        return "calendar/" + year;
    }
}
