package id.go.imigrasi.mpaspor.billing.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why finance keeps the money (recorded on the case, published in RefundRejected, shown to the applicant). */
public record RejectRefundRequest(
        @NotBlank(message = "{validation.rejection-reason}") @Size(max = 500, message = "{validation.rejection-reason}") String reason) {
}
