package id.go.imigrasi.mpaspor.billing.rest;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What a channel reports: the 15-digit billing code, the amount in whole rupiah, its own unique reference of
 * the payment, and when the customer paid (ISO-8601 with offset).
 */
public record CallbackRequest(
        @NotBlank @Pattern(regexp = "\\d{15}", message = "{validation.billing-code-format}") String billingCode,
        @NotNull @Positive BigDecimal amount,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:/-]+", message = "{validation.channel-reference-format}") String channelReference,
        @NotNull Instant paidAt) {
}
