-- Resumable (tus) uploads of applicants' documents. Owned by the upload package; see UploadResource.
-- upload_offset counts only bytes that are durably written to the store (forced to disk before it advances).
CREATE TABLE upload (
    id               uuid PRIMARY KEY,
    account_id       uuid        NOT NULL,
    application_id   uuid        NOT NULL,
    applicant_id     uuid        NOT NULL,
    document_type    text        NOT NULL,
    file_name        text        NOT NULL,
    upload_length    bigint      NOT NULL CHECK (upload_length >= 0),
    upload_offset    bigint      NOT NULL DEFAULT 0,
    metadata         text        NOT NULL,
    storage_key      text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('RECEIVING', 'COMPLETE')),
    sha256           text,
    created_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    completed_at     timestamptz,
    validation       text CHECK (validation IN ('ACCEPTED', 'REJECTED')),
    rejection_reason text,
    content_type     text,
    validated_at     timestamptz,
    CONSTRAINT upload_offset_within_length CHECK (upload_offset >= 0 AND upload_offset <= upload_length)
);

-- the expiration job reads partial uploads by deadline
CREATE INDEX upload_receiving_expiry ON upload (expires_at) WHERE status = 'RECEIVING';
CREATE INDEX upload_applicant_document ON upload (applicant_id, document_type);
