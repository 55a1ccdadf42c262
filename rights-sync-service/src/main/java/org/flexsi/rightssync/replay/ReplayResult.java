package org.flexsi.rightssync.replay;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReplayResult")
public record ReplayResult(
        @Schema(examples = "true") boolean dryRun,
        @Schema(description = "Records matched, i.e. sent again (or that would be, in a dry run)", examples = "12") int records,
        @Schema(description = "The first matched record ids, at most 100") List<String> recordIds) {
}
