package id.go.imigrasi.mpaspor.application.upload.domain;

/** RECEIVING until every byte is durably stored, then COMPLETE (and immutable). */
public enum UploadStatus {
    RECEIVING, COMPLETE
}
