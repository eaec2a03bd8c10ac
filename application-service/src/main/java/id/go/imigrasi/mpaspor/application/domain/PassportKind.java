package id.go.imigrasi.mpaspor.application.domain;

public enum PassportKind {
    ORDINARY, ELECTRONIC
}
