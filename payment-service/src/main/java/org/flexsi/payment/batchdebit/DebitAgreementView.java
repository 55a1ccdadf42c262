package org.flexsi.payment.batchdebit;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DebitAgreement")
public record DebitAgreementView(
        String personId,
        @Schema(examples = "icbc") String bankId,
        @Schema(description = "Masked: only the last four digits", examples = "***************0123") String accountNumber,
        @Schema(examples = "张三") String accountName,
        Instant signedAt) {
}
