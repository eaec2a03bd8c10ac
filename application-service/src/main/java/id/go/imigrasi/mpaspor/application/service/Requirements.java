package id.go.imigrasi.mpaspor.application.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.ApplicantDocument;
import id.go.imigrasi.mpaspor.application.domain.DocumentRequirements;
import id.go.imigrasi.mpaspor.application.domain.DocumentRequirements.Requirement;
import id.go.imigrasi.mpaspor.application.domain.DocumentState;
import id.go.imigrasi.mpaspor.contracts.application.DocumentType;
import id.go.imigrasi.mpaspor.application.domain.Verification;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;

/**
 * Per applicant: each required document with its state (the best upload among the types that satisfy it), and
 * what still stands between the application and its submission.
 */
public final class Requirements {

    /** One line of an applicant's checklist. */
    @Schema(name = "RequirementLine", description = "One document an applicant needs, and its state")
    public record Line(String code, List<String> acceptedDocuments, boolean required, DocumentState state,
            String documentType, String uploadId, String reasonCode, String reasonId, String reasonEn) {
    }

    private Requirements() {
    }

    public static List<Line> of(Applicant applicant, List<ApplicantDocument> documents, LocalDate today,
            int adultAge) {
        boolean minor = DocumentRequirements.isMinor(applicant.birthDate, today, adultAge);
        List<Line> out = new ArrayList<>();
        for (Requirement r : DocumentRequirements.forApplicant(applicant.applicationType, minor)) {
            Optional<ApplicantDocument> best = Optional.empty();
            for (DocumentType type : r.acceptedDocuments()) {
                Optional<ApplicantDocument> doc = documents.stream()
                        .filter(d -> d.applicantId.equals(applicant.id) && d.documentType.equals(type.name()))
                        .findFirst();
                if (doc.isPresent() && (best.isEmpty() || doc.get().state.betterThan(best.get().state))) {
                    best = doc;
                }
            }
            List<String> accepted = r.acceptedDocuments().stream().map(Enum::name).toList();
            out.add(best.map(d -> new Line(r.code(), accepted, r.required(), d.state, d.documentType, d.uploadId,
                    d.reasonCode, d.reasonId, d.reasonEn))
                    .orElse(new Line(r.code(), accepted, r.required(), DocumentState.MISSING, null, null, null, null,
                            null)));
        }
        return out;
    }

    /**
     * Everything that blocks submission, as field errors naming the applicant ({@code applicants[0]...}): a
     * verification not (yet) positive, each required document not accepted.
     */
    public static List<FieldError> blocking(List<Applicant> applicants, Map<UUID, List<Line>> lines) {
        List<FieldError> errors = new ArrayList<>();
        if (applicants.isEmpty()) {
            errors.add(FieldError.of("applicants", "submission.no-applicants"));
        }
        for (int i = 0; i < applicants.size(); i++) {
            Applicant a = applicants.get(i);
            String at = "applicants[" + i + "]";
            if (a.verification == Verification.VERIFICATION_PENDING) {
                errors.add(FieldError.of(at + ".nik", "submission.verification-pending", a.fullName));
            } else if (a.verification == Verification.NOT_REGISTERED) {
                errors.add(FieldError.of(at + ".nik", "validation.nik-not-registered"));
            } else if (a.verification == Verification.MISMATCH) {
                errors.add(FieldError.of(at + ".nik", "validation.dukcapil-identity-mismatch", a.fullName));
            }
            for (Line l : lines.getOrDefault(a.id, List.of())) {
                if (!l.required() || l.state() == DocumentState.ACCEPTED) {
                    continue;
                }
                String field = at + ".documents." + l.code();
                switch (l.state()) {
                    case MISSING -> errors.add(FieldError.of(field, "submission.document-missing", a.fullName,
                            String.join("/", l.acceptedDocuments())));
                    case UPLOADED -> errors.add(FieldError.of(field, "submission.document-validating", a.fullName,
                            l.documentType()));
                    case REJECTED -> errors.add(FieldError.of(field, "submission.document-rejected", a.fullName,
                            l.documentType(), String.valueOf(l.reasonId())));
                    default -> {
                    }
                }
            }
        }
        return errors;
    }
}
