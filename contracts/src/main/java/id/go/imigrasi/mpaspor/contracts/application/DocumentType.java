package id.go.imigrasi.mpaspor.contracts.application;

import java.util.Arrays;
import java.util.Optional;

/**
 * The document codes of the requirements matrix (DOMAIN.md), as they travel in {@link DocumentUploaded},
 * {@link DocumentAccepted} and {@link DocumentRejected} ({@code documentType}) and in the uploads' metadata. One
 * list for the upload side and the application side: a code added here is known to both.
 */
public enum DocumentType {
    EKTP, KK, BIRTH_CERTIFICATE, DIPLOMA, MARRIAGE_BOOK, BAPTISM_LETTER, OLD_PASSPORT, NAME_CHANGE_ORDER, FATHER_EKTP,
    MOTHER_EKTP, PARENTS_MARRIAGE_BOOK, PARENTS_PASSPORT, PARENTAL_STATEMENT;

    /** The type of a code as it is written (codes are upper case; anything else is no type). */
    public static Optional<DocumentType> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }

    public static boolean isKnown(String code) {
        return parse(code).isPresent();
    }
}
