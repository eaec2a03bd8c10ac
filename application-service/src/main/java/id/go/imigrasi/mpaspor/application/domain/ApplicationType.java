package id.go.imigrasi.mpaspor.application.domain;

/** What the questionnaire asks for. LOST and DAMAGED are known but handled at the office, never online. */
public enum ApplicationType {
    NEW, RENEWAL, NAME_CHANGE, LOST, DAMAGED;

    public boolean bookableOnline() {
        return this != LOST && this != DAMAGED;
    }
}
