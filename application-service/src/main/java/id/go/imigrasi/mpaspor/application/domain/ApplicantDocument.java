package id.go.imigrasi.mpaspor.application.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The current upload of one document type of one applicant, and its state. */
@Entity
@Table(name = "applicant_document")
public class ApplicantDocument {

    @Id
    public UUID id;

    @Column(name = "applicant_id", nullable = false)
    public UUID applicantId;

    @Column(name = "document_type", nullable = false)
    public String documentType;

    @Column(name = "upload_id", nullable = false)
    public String uploadId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentState state;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "reason_id")
    public String reasonId;

    @Column(name = "reason_en")
    public String reasonEn;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The validation's verdict on this (current) upload: ACCEPTED, or REJECTED with the reason (code, id, en). */
    public void verdict(DocumentState verdict, String code, String reasonIndonesian, String reasonEnglish) {
        state = verdict;
        reasonCode = code;
        reasonId = reasonIndonesian;
        reasonEn = reasonEnglish;
        updatedAt = Instant.now();
    }
}
