package id.go.imigrasi.mpaspor.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.ApplicantDocument;
import id.go.imigrasi.mpaspor.application.domain.ApplicationType;
import id.go.imigrasi.mpaspor.application.domain.DocumentState;
import id.go.imigrasi.mpaspor.application.domain.Verification;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;

/** What stands between an application and its submission, per applicant and document, without a framework. */
class RequirementsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static Applicant adult(Verification verification) {
        Applicant a = new Applicant();
        a.id = UUID.randomUUID();
        a.fullName = "Made Suartana";
        a.birthDate = LocalDate.of(1990, 5, 1);
        a.applicationType = ApplicationType.NEW;
        a.verification = verification;
        return a;
    }

    private static ApplicantDocument document(Applicant a, String type, DocumentState state) {
        ApplicantDocument d = new ApplicantDocument();
        d.applicantId = a.id;
        d.documentType = type;
        d.uploadId = UUID.randomUUID().toString();
        d.state = state;
        d.uploadedAt = Instant.parse("2026-12-01T00:00:00Z");
        if (state == DocumentState.REJECTED) {
            d.verdict(state, "too-small-image", "Resolusi terlalu kecil", "Resolution too small");
        }
        return d;
    }

    private static List<FieldError> blocking(Applicant a, List<ApplicantDocument> documents) {
        return Requirements.blocking(List.of(a), Map.of(a.id, Requirements.of(a, documents, TODAY, 17)));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.code()).toList();
    }

    @Test
    void aVerifiedAdultWithEveryRequiredDocumentAcceptedMaySubmit() {
        Applicant a = adult(Verification.VERIFIED);
        List<ApplicantDocument> docs = List.of(document(a, "EKTP", DocumentState.ACCEPTED),
                document(a, "KK", DocumentState.ACCEPTED), document(a, "DIPLOMA", DocumentState.ACCEPTED));
        assertThat(blocking(a, docs)).isEmpty();
    }

    @Test
    void eachMissingValidatingOrRejectedDocumentIsItsOwnFieldError() {
        Applicant a = adult(Verification.VERIFIED);
        List<ApplicantDocument> docs = new ArrayList<>(List.of(document(a, "KK", DocumentState.UPLOADED),
                document(a, "BIRTH_CERTIFICATE", DocumentState.REJECTED)));
        List<String> errors = fields(blocking(a, docs));
        assertThat(errors).hasSize(3);
        assertThat(errors).anyMatch(e -> e.endsWith(".EKTP submission.document-missing"))
                .anyMatch(e -> e.endsWith(".KK submission.document-validating"))
                .anyMatch(e -> e.contains("applicants[0].documents.") && e.endsWith("submission.document-rejected"));
    }

    @Test
    void anAcceptedAlternativeOutweighsARejectedOne() {
        Applicant a = adult(Verification.VERIFIED);
        List<ApplicantDocument> docs = List.of(document(a, "EKTP", DocumentState.ACCEPTED),
                document(a, "KK", DocumentState.ACCEPTED), document(a, "DIPLOMA", DocumentState.REJECTED),
                document(a, "MARRIAGE_BOOK", DocumentState.ACCEPTED));
        assertThat(blocking(a, docs)).isEmpty();
    }

    @Test
    void aVerificationNotPositiveBlocksTheApplicantsNik() {
        for (Verification v : List.of(Verification.VERIFICATION_PENDING, Verification.NOT_REGISTERED,
                Verification.MISMATCH)) {
            Applicant a = adult(v);
            List<ApplicantDocument> docs = List.of(document(a, "EKTP", DocumentState.ACCEPTED),
                    document(a, "KK", DocumentState.ACCEPTED), document(a, "DIPLOMA", DocumentState.ACCEPTED));
            assertThat(fields(blocking(a, docs))).as("%s", v).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("applicants[0].nik ");
        }
    }

    @Test
    void noApplicantAtAllBlocksTheApplication() {
        assertThat(fields(Requirements.blocking(List.of(), Map.of())))
                .containsExactly("applicants submission.no-applicants");
    }
}
