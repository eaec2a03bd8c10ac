package id.go.imigrasi.mpaspor.biometric.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import id.go.imigrasi.mpaspor.biometric.domain.Finger;
import id.go.imigrasi.mpaspor.biometric.domain.FingerException;
import id.go.imigrasi.mpaspor.biometric.service.Decisions;
import id.go.imigrasi.mpaspor.biometric.service.Handover;

/** The bodies of the officer's requests. */
public final class OfficeRequests {

    private OfficeRequests() {
    }

    /** {@code bookingCode} as scanned or typed; {@code nik} as read from the original e-KTP. */
    public record CheckInRequest(@NotBlank @Size(max = 32) String bookingCode, @NotNull @Pattern(regexp = "\\d{16}") String nik) {
    }

    /** {@code reason} is required when the outcome is REJECTED. */
    public record InterviewRequest(@NotNull Decisions.InterviewOutcome outcome, @Size(max = 500) String reason) {
    }

    /** ICAO-style quality score 0-100 and the station's ICAO compliance verdict. */
    public record FaceResult(@NotNull @Min(0) @Max(100) Integer score, @NotNull Boolean icaoCompliant) {
    }

    public record FingerResult(@NotNull Finger finger, @NotNull @Min(0) @Max(100) Integer nfiq2) {
    }

    public record FingerResults(@NotEmpty @Size(max = 10) List<@Valid @NotNull FingerResult> results) {
    }

    public record ExceptionRequest(@NotNull FingerException kind, @NotBlank @Size(max = 500) String reason) {
    }

    /** {@code reason} is required when the decision is REJECT. */
    public record DecisionRequest(@NotNull Decisions.Verdict decision, @Size(max = 500) String reason) {
    }

    /**
     * Pickup: by the APPLICANT (their e-KTP NIK) or a FAMILY_MEMBER (name, NIK, and the numbers of their family card
     * and of the applicant's, both originals).
     */
    public record PickupRequest(@NotNull Handover.Collector collectedBy, @Size(max = 200) String collectorName,
            @NotNull @Pattern(regexp = "\\d{16}") String collectorNik,
            @Pattern(regexp = "\\d{16}") String familyCardNumber,
            @Pattern(regexp = "\\d{16}") String applicantFamilyCardNumber) {
    }

    public record DeliveryRequest(@NotBlank @Size(max = 200) String recipientName,
            @NotBlank @Size(max = 500) String address, @NotNull @Pattern(regexp = "\\d{5}") String postalCode,
            @Pattern(regexp = "\\+?\\d{8,15}") String phone) {
    }
}
