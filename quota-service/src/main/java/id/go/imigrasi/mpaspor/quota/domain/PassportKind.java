package id.go.imigrasi.mpaspor.quota.domain;

/** Electronic-passport dates close when an office runs out of blank e-passport books. */
public enum PassportKind {
    ORDINARY, ELECTRONIC
}
