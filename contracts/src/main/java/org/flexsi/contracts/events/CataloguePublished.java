package org.flexsi.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flexsi.contracts.Event;
import org.flexsi.contracts.Topics;

/** A policy catalogue version for one region and year was published; keyed by region and year. Schema: {@code contracts/events/org.flexsi.catalogue.published.v1.json}. */
public record CataloguePublished(
        String catalogueVersion,
        String region,
        int year,
        List<String> insurances,
        LocalDate effectiveFrom,
        String publishedBy,
        Instant publishedAt) implements Event {
    public static final String TYPE = "org.flexsi.catalogue.published.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.ASSESSMENT;
    }

    @Override
    public String partitionKey() {
        return region + "-" + year;
    }

    @Override
    public String subject() {
        return "catalogue/" + partitionKey();
    }
}
