package id.go.imigrasi.mpaspor.quota.domain;

/** The office's service lines. Priority applicants walk in on their own quota: not bookable online. */
public enum ServiceLine {
    REGULAR, SAME_DAY, PRIORITY_WALK_IN;

    public boolean bookableOnline() {
        return this != PRIORITY_WALK_IN;
    }
}
