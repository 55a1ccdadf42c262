package org.flexsi.assessment.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A catalogue version as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CatalogueView(
        @Schema(examples = "370100-2026-v1") String version,
        @Schema(examples = "DRAFT", enumeration = {"DRAFT", "PUBLISHED"}) String status,
        @Schema(examples = "ops-alice") String createdBy,
        Instant createdAt,
        @Schema(examples = "ops-bob") String publishedBy,
        Instant publishedAt,
        Catalogue definition) {

    public static CatalogueView of(CatalogueVersion v) {
        return new CatalogueView(v.version(), v.status(), v.createdBy(), v.createdAt(), v.publishedBy(), v.publishedAt(),
                v.definition());
    }
}
