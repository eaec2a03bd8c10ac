package id.go.imigrasi.mpaspor.application.upload.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One tus upload of one document of one applicant (see V100__upload.sql). {@link #offset} counts the bytes that
 * are durably in the store; the upload is COMPLETE when it reaches {@link #length}.
 */
@Entity
@Table(name = "upload")
public class Upload {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(name = "applicant_id", nullable = false, updatable = false)
    public UUID applicantId;

    @Column(name = "document_type", nullable = false, updatable = false)
    public String documentType;

    @Column(name = "file_name", nullable = false, updatable = false)
    public String fileName;

    @Column(name = "upload_length", nullable = false, updatable = false)
    public long length;

    @Column(name = "upload_offset", nullable = false)
    public long offset;

    /** The Upload-Metadata header as the client sent it, echoed on HEAD. */
    @Column(nullable = false, updatable = false)
    public String metadata;

    @Column(name = "storage_key", nullable = false, updatable = false)
    public String storageKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UploadStatus status;

    @Column(name = "sha256")
    public String sha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** Null while the validation consumer has not judged the file yet. */
    @Column(name = "validation")
    public String validation;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "validated_at")
    public Instant validatedAt;

    public boolean isComplete() {
        return status == UploadStatus.COMPLETE;
    }

    /** A partial upload past its deadline is gone for the client, even before the cleanup job removed it. */
    public boolean isExpiredAt(Instant now) {
        return status == UploadStatus.RECEIVING && now.isAfter(expiresAt);
    }
}
