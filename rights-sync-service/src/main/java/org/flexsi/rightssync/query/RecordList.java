package org.flexsi.rightssync.query;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RightsRecordList")
public record RecordList(List<RecordView> records, @Schema(examples = "2") int count) {

    public static RecordList of(List<RecordView> records) {
        return new RecordList(records, records.size());
    }
}
