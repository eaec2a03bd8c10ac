package id.go.imigrasi.mpaspor.application.domain;

public enum Sex {
    MALE, FEMALE
}
