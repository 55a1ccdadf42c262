package org.flexsi.payment.batchdebit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DebitResultBooking")
public record DebitBookingResponse(
        String batchId,
        @Schema(description = "Lines booked as paid by this request") int paid,
        @Schema(description = "Lines booked as not paid by this request") int unpaid,
        @Schema(description = "This exact result file was booked before; nothing new was booked") boolean alreadyBooked) {
}
