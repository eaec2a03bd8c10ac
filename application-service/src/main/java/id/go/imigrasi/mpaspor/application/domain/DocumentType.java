package id.go.imigrasi.mpaspor.application.domain;

/** The document codes shared with the upload side and the DocumentUploaded/Accepted/Rejected events. */
public enum DocumentType {
    EKTP, KK, BIRTH_CERTIFICATE, DIPLOMA, MARRIAGE_BOOK, BAPTISM_LETTER, OLD_PASSPORT, NAME_CHANGE_ORDER, FATHER_EKTP,
    MOTHER_EKTP, PARENTS_MARRIAGE_BOOK, PARENTS_PASSPORT, PARENTAL_STATEMENT;

    public static boolean isKnown(String code) {
        for (DocumentType t : values()) {
            if (t.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
