package id.go.imigrasi.mpaspor.application.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.domain.DocumentRequirements.Requirement;
import id.go.imigrasi.mpaspor.contracts.application.DocumentType;

/** The document matrix of DOMAIN.md per application type, adult or minor. */
class DocumentRequirementsTest {

    private static List<String> codes(ApplicationType type, boolean minor) {
        return DocumentRequirements.forApplicant(type, minor).stream().map(Requirement::code).toList();
    }

    @Test
    void newAdultNeedsEktpKkAndOneProofOfBirthData() {
        assertThat(codes(ApplicationType.NEW, false)).containsExactly("EKTP", "KK", "PROOF_OF_BIRTH_DATA");
        Requirement proof = DocumentRequirements.forApplicant(ApplicationType.NEW, false).get(2);
        assertThat(proof.acceptedDocuments()).containsExactly(DocumentType.BIRTH_CERTIFICATE, DocumentType.DIPLOMA,
                DocumentType.MARRIAGE_BOOK, DocumentType.BAPTISM_LETTER);
        assertThat(proof.required()).isTrue();
    }

    @Test
    void renewalNeedsTheOldPassportAndNameChangeAlsoTheOrder() {
        assertThat(codes(ApplicationType.RENEWAL, false)).containsExactly("EKTP", "KK", "OLD_PASSPORT");
        assertThat(codes(ApplicationType.NAME_CHANGE, false))
                .containsExactly("EKTP", "KK", "OLD_PASSPORT", "NAME_CHANGE_ORDER");
    }

    @Test
    void minorNeedsParentsDocumentsAndParentsPassportsOnlyIfAny() {
        assertThat(codes(ApplicationType.NEW, true)).containsExactly("KK", "BIRTH_CERTIFICATE", "FATHER_EKTP",
                "MOTHER_EKTP", "PARENTS_MARRIAGE_BOOK", "PARENTS_PASSPORT", "PARENTAL_STATEMENT");
        assertThat(DocumentRequirements.forApplicant(ApplicationType.NEW, true))
                .filteredOn(r -> !r.required()).extracting(Requirement::code).containsExactly("PARENTS_PASSPORT");
        assertThat(codes(ApplicationType.RENEWAL, true)).contains("OLD_PASSPORT").doesNotContain("EKTP");
    }

    @Test
    void aMinorIsYoungerThanTheAdultAgeOnTheDayOfTheCheck() {
        LocalDate today = LocalDate.of(2026, 11, 22);
        assertThat(DocumentRequirements.isMinor(LocalDate.of(2009, 11, 23), today, 17)).isTrue();
        assertThat(DocumentRequirements.isMinor(LocalDate.of(2009, 11, 22), today, 17)).isFalse();
    }

    @Test
    void theBestUploadAmongAlternativesCounts() {
        assertThat(DocumentState.ACCEPTED.betterThan(DocumentState.UPLOADED)).isTrue();
        assertThat(DocumentState.UPLOADED.betterThan(DocumentState.REJECTED)).isTrue();
        assertThat(DocumentState.REJECTED.betterThan(DocumentState.MISSING)).isTrue();
        assertThat(DocumentState.MISSING.betterThan(DocumentState.REJECTED)).isFalse();
    }
}
