package org.flexsi.assessment.catalogue;

import java.time.Instant;

/** A stored catalogue version and who made and published it. */
public record CatalogueVersion(String version, String status, Catalogue definition, String createdBy, Instant createdAt,
        String publishedBy, Instant publishedAt) {
    public static final String DRAFT = "DRAFT";
    public static final String PUBLISHED = "PUBLISHED";

    public boolean published() {
        return PUBLISHED.equals(status);
    }
}
