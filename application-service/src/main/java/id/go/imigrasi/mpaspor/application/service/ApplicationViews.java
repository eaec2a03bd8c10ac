package id.go.imigrasi.mpaspor.application.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.imigrasi.mpaspor.application.service.Requirements;

/** What GET /applications and GET /applications/{id} answer. */
public final class ApplicationViews {

    private ApplicationViews() {
    }

    @Schema(name = "ApplicationCreated", description = "An application as created, submitted or cancelled: its id"
            + " and status")
    public record Created(@Schema(examples = "3f2b8c1e-6a4d-4e9b-8f7a-1c2d3e4f5a60") UUID id,
            @Schema(description = "The application's status: DRAFT once created, SUBMITTED once submitted,"
                    + " CANCELLED once cancelled", examples = "DRAFT") String status) {
    }

    @Schema(name = "ApplicationSummary")
    public record Summary(UUID id, String status, Instant createdAt, Instant submittedAt, String officeCode,
            LocalDate appointmentDate, List<String> applicants) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApplicationDetail")
    public record Detail(UUID id, String status, Instant createdAt, Instant updatedAt, Instant submittedAt,
            Instant cancelledAt, Appointment appointment, Billing billing, List<ApplicantView> applicants,
            boolean readyToSubmit, List<TimelineView> timeline, Booking booking) {
    }

    @Schema(name = "BookingNeed", description = "The quota hold these applicants need (POST /holds): the service"
            + " line (SAME_DAY when every applicant asked for same-day service, REGULAR when none did, absent when"
            + " they differ: one hold cannot serve both) and the passport kind (ELECTRONIC when any applicant asks"
            + " for an e-passport). Submission refuses a hold that does not fit.")
    public record Booking(@Schema(examples = "REGULAR") String service,
            @Schema(examples = "ELECTRONIC") String passportKind) {
    }

    public record Appointment(String holdId, String officeCode, LocalDate date, String session) {
    }

    public record Billing(String billingCode, Long amount, Instant expiresAt, String status, Instant paidAt) {
    }

    @Schema(name = "QuestionnaireView", description = "An applicant's questionnaire as stored")
    public record Questionnaire(String applicationType, String passportKind, int validityYears,
            boolean sameDayService, String travelPurpose) {
    }

    public record VerificationView(String status, Instant checkedAt, int attempts) {
    }

    public record ApplicantView(UUID id, String fullName, String nik, LocalDate birthDate, String birthPlace,
            String sex, String motherName, String address, String phone, Questionnaire questionnaire, boolean minor,
            VerificationView verification, List<Requirements.Line> documents, AuthorityView authority) {
    }

    @Schema(name = "AuthorityDeclaration", description = "The account holder's declaration of authority over the"
            + " applicant's data, as last declared; null for an applicant entered before it was asked (issue 23)")
    public record AuthorityView(
            @Schema(enumeration = { "SELF", "PARENT", "GUARDIAN", "AUTHORISED" }, examples = "PARENT") String declaration,
            @Schema(description = "When the holder declared it (adding or last editing the applicant)") Instant declaredAt) {

        static AuthorityView of(id.go.imigrasi.mpaspor.application.domain.Applicant p) {
            return p.authority == null ? null : new AuthorityView(p.authority.name(), p.authorityDeclaredAt);
        }
    }

    public record TimelineView(String kind, String status, Instant at, JsonNode details) {
    }

    public record Limits(List<String> acceptedTypes, long maxBytes, int minImageWidth, int minImageHeight) {
    }

    public record ApplicantRequirements(UUID applicantId, String fullName, boolean minor, String applicationType,
            boolean complete, List<Requirements.Line> documents) {
    }

    public record RequirementsView(UUID applicationId, Limits limits, List<ApplicantRequirements> applicants,
            boolean readyToSubmit) {
    }
}
