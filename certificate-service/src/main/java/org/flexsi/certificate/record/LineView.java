package org.flexsi.certificate.record;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.flexsi.certificate.pdf.LineText;
import org.flexsi.contracts.events.LineItem;

@Schema(description = "One paid (or refunded) line: insurance, months, base, rate and amount")
public record LineView(
        @Schema(examples = "PENSION") String insurance,
        @Schema(examples = "企业职工基本养老保险费") String insuranceName,
        @Schema(examples = "[\"2026-01\", \"2026-02\"]") List<String> months,
        @Schema(examples = "3980.00") String base,
        @Schema(examples = "0.20") String rate,
        @Schema(examples = "1592.00") String amount,
        @Schema(examples = "PERSONAL", nullable = true) String part) {

    public static LineView of(LineItem line) {
        return new LineView(line.insurance(), LineText.insurance(line.insurance(), line.part()), line.months(), line.base(),
                line.rate(), line.amount(), line.part());
    }
}
