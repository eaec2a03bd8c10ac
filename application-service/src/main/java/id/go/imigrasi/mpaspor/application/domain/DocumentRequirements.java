package id.go.imigrasi.mpaspor.application.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.application.DocumentType;

/**
 * The document matrix of DOMAIN.md, in one place. A requirement is satisfied by any one of its document types
 * (the adult's proof of birth data is one of birth certificate, diploma, marriage book or baptism letter);
 * an optional requirement ("parents' passports, if any") is shown but does not block submission.
 */
public final class DocumentRequirements {

    /** The police's report of a lost passport (surat keterangan kehilangan), for {@link ApplicationType#LOST}. */
    public static final String POLICE_REPORT_OF_LOSS = "POLICE_REPORT_OF_LOSS";

    /** The damaged passport itself, for {@link ApplicationType#DAMAGED}. */
    public static final String DAMAGED_PASSPORT = "DAMAGED_PASSPORT";

    /** One line of the checklist: its code (a document type, or a group name), the types that satisfy it. */
    public record Requirement(String code, List<DocumentType> acceptedDocuments, boolean required) {
    }

    private DocumentRequirements() {
    }

    public static boolean isMinor(LocalDate birthDate, LocalDate today, int adultAge) {
        return Period.between(birthDate, today).getYears() < adultAge;
    }

    public static List<Requirement> forApplicant(ApplicationType type, boolean minor) {
        List<Requirement> out = new ArrayList<>();
        if (minor) {
            out.add(one(DocumentType.KK));
            out.add(one(DocumentType.BIRTH_CERTIFICATE));
            out.add(one(DocumentType.FATHER_EKTP));
            out.add(one(DocumentType.MOTHER_EKTP));
            out.add(one(DocumentType.PARENTS_MARRIAGE_BOOK));
            out.add(new Requirement(DocumentType.PARENTS_PASSPORT.name(), List.of(DocumentType.PARENTS_PASSPORT), false));
            out.add(one(DocumentType.PARENTAL_STATEMENT));
        } else {
            out.add(one(DocumentType.EKTP));
            out.add(one(DocumentType.KK));
            if (type == ApplicationType.NEW) {
                out.add(new Requirement("PROOF_OF_BIRTH_DATA", List.of(DocumentType.BIRTH_CERTIFICATE,
                        DocumentType.DIPLOMA, DocumentType.MARRIAGE_BOOK, DocumentType.BAPTISM_LETTER), true));
            }
        }
        if (type == ApplicationType.RENEWAL || type == ApplicationType.NAME_CHANGE) {
            out.add(one(DocumentType.OLD_PASSPORT));
        }
        if (type == ApplicationType.NAME_CHANGE) {
            out.add(one(DocumentType.NAME_CHANGE_ORDER));
        }
        return out;
    }

    /**
     * What to bring to the office for a lost or damaged passport, which is examined there (an officer writes the
     * examination record, the BAP) and never booked online: the applicant's identity documents (a minor's as for a
     * new minor's passport) plus the police report of the loss, or the damaged passport itself. Empty for the types
     * that are applied for online.
     */
    public static List<String> toBringToTheOffice(ApplicationType type, boolean minor) {
        if (type.bookableOnline()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (minor) {
            List.of(DocumentType.KK, DocumentType.BIRTH_CERTIFICATE, DocumentType.FATHER_EKTP, DocumentType.MOTHER_EKTP)
                    .forEach(t -> out.add(t.name()));
        } else {
            out.add(DocumentType.EKTP.name());
            out.add(DocumentType.KK.name());
        }
        out.add(type == ApplicationType.LOST ? POLICE_REPORT_OF_LOSS : DAMAGED_PASSPORT);
        return out;
    }

    private static Requirement one(DocumentType type) {
        return new Requirement(type.name(), List.of(type), true);
    }
}
