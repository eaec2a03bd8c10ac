package id.go.imigrasi.mpaspor.application.upload.domain;

import java.util.Arrays;
import java.util.Optional;

/** The document codes of the requirements matrix (DOMAIN.md); the same codes the applications side uses. */
public enum DocumentType {
    EKTP, KK, BIRTH_CERTIFICATE, DIPLOMA, MARRIAGE_BOOK, BAPTISM_LETTER, OLD_PASSPORT, NAME_CHANGE_ORDER,
    FATHER_EKTP, MOTHER_EKTP, PARENTS_MARRIAGE_BOOK, PARENTS_PASSPORT, PARENTAL_STATEMENT;

    public static Optional<DocumentType> parse(String code) {
        return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
    }
}
