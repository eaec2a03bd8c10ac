package id.go.imigrasi.mpaspor.quota.domain;

/** Half-day session of an office visit. */
public enum DaySession {
    MORNING, AFTERNOON
}
