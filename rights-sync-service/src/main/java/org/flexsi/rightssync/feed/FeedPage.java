package org.flexsi.rightssync.feed;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FeedPage")
public record FeedPage(List<FeedRecord> records,
        @Schema(description = "The cursor to pass next time (unchanged when nothing new)", examples = "42") long nextCursor) {
}
