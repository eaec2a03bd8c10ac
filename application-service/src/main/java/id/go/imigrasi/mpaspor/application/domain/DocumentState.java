package id.go.imigrasi.mpaspor.application.domain;

/** Per applicant and document: nothing yet, uploaded (being validated), accepted, rejected with a reason. */
public enum DocumentState {
    MISSING, UPLOADED, REJECTED, ACCEPTED;

    /** For a requirement that several document types satisfy: the most advanced state wins. */
    public boolean betterThan(DocumentState other) {
        return rank() > other.rank();
    }

    private int rank() {
        return switch (this) {
            case MISSING -> 0;
            case REJECTED -> 1;
            case UPLOADED -> 2;
            case ACCEPTED -> 3;
        };
    }
}
