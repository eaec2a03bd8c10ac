-- application-service: applications, their applicants (questionnaire + NIK verification), per-applicant document
-- states, the quota holds learnt from quota.events, the status timeline, and the applicant mail outbox.

CREATE TABLE application (
    id                  UUID        PRIMARY KEY,
    account_id          UUID        NOT NULL,                 -- JWT subject of the owner
    email               TEXT,                                 -- JWT upn at creation: where the mails go
    status              TEXT        NOT NULL,                 -- ApplicationStatus; uploads only while DRAFT
    status_rank         INT         NOT NULL DEFAULT 0,       -- never decreases (out-of-order events)
    hold_id             TEXT,
    office_code         TEXT,
    appointment_date    DATE,
    appointment_session TEXT,
    appointment_at      TIMESTAMPTZ,                          -- event time of the last appointment change
    billing_code        TEXT,
    billing_amount      BIGINT,
    billing_expires_at  TIMESTAMPTZ,
    billing_status      TEXT,                                 -- ISSUED, PAID, EXPIRED
    billing_paid_at     TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    submitted_at        TIMESTAMPTZ,
    cancelled_at        TIMESTAMPTZ
);
CREATE INDEX application_account ON application (account_id, created_at DESC);
CREATE INDEX application_office ON application (office_code, appointment_date) WHERE office_code IS NOT NULL;

CREATE TABLE applicant (
    id                  UUID        PRIMARY KEY,
    application_id      UUID        NOT NULL REFERENCES application (id),
    position            INT         NOT NULL,                 -- order of addition, for a stable display
    full_name           TEXT        NOT NULL,
    nik                 CHAR(16)    NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    birth_date          DATE        NOT NULL,
    birth_place         TEXT        NOT NULL,
    sex                 TEXT        NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    mother_name         TEXT        NOT NULL,
    address             TEXT        NOT NULL,
    phone               TEXT        NOT NULL,
    application_type    TEXT        NOT NULL CHECK (application_type IN ('NEW', 'RENEWAL', 'NAME_CHANGE')),
    passport_kind       TEXT        NOT NULL CHECK (passport_kind IN ('ORDINARY', 'ELECTRONIC')),
    validity_years      INT         NOT NULL CHECK (validity_years IN (5, 10)),
    same_day_service    BOOLEAN     NOT NULL,
    travel_purpose      TEXT        NOT NULL,
    verification        TEXT        NOT NULL,                 -- VERIFIED, VERIFICATION_PENDING, NOT_REGISTERED, MISMATCH
    verification_checked_at TIMESTAMPTZ,
    verification_attempts   INT     NOT NULL DEFAULT 0,
    active              BOOLEAN     NOT NULL DEFAULT TRUE,    -- false once the application is finished
    created_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX applicant_application ON applicant (application_id, position);
-- Anti-scalping: one NIK in at most one active application, whatever the number of concurrent requests.
CREATE UNIQUE INDEX applicant_one_active_nik ON applicant (nik) WHERE active;
CREATE INDEX applicant_pending_verification ON applicant (verification_checked_at)
    WHERE verification = 'VERIFICATION_PENDING' AND active;

-- Per applicant and document type: the current upload and its state (from DocumentUploaded/Accepted/Rejected).
CREATE TABLE applicant_document (
    id                  UUID        PRIMARY KEY,
    applicant_id        UUID        NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
    document_type       TEXT        NOT NULL,
    upload_id           TEXT        NOT NULL,
    state               TEXT        NOT NULL CHECK (state IN ('UPLOADED', 'ACCEPTED', 'REJECTED')),
    uploaded_at         TIMESTAMPTZ NOT NULL,
    reason_code         TEXT,
    reason_id           TEXT,
    reason_en           TEXT,
    updated_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (applicant_id, document_type)
);

-- Holds as quota-service announced them (SlotHeld, HoldExtended, HoldReleased, HoldConfirmed).
CREATE TABLE hold (
    hold_id             TEXT        PRIMARY KEY,
    account_id          TEXT        NOT NULL,
    office_code         TEXT        NOT NULL,
    slot_date           DATE        NOT NULL,
    session             TEXT,
    service             TEXT,
    niks                TEXT        NOT NULL,                 -- comma-separated
    expires_at          TIMESTAMPTZ NOT NULL,
    released_at         TIMESTAMPTZ,
    confirmed_at        TIMESTAMPTZ,
    application_id      UUID                                  -- the application that submitted with it
);

CREATE TABLE timeline_entry (
    id                  UUID        PRIMARY KEY,
    application_id      UUID        NOT NULL REFERENCES application (id),
    event_id            TEXT        NOT NULL,                 -- CloudEvents id: one entry per event
    kind                TEXT        NOT NULL,                 -- e.g. BILLING_ISSUED
    occurred_at         TIMESTAMPTZ NOT NULL,                 -- the event's own time
    status              TEXT,                                 -- status it leads to, if any
    details             TEXT        NOT NULL DEFAULT '{}',    -- JSON object
    recorded_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (application_id, event_id)
);
CREATE INDEX timeline_by_time ON timeline_entry (application_id, occurred_at);

-- Mails to applicants, written in the transaction of the step that needs them, sent by MailDispatcher.
-- A row is leased (lease_until) by one dispatcher at a time, so several instances never send it twice.
CREATE TABLE applicant_mail (
    id                  UUID        PRIMARY KEY,
    application_id      UUID        NOT NULL,
    recipient           TEXT        NOT NULL,
    subject             TEXT        NOT NULL,
    body                TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    due_at              TIMESTAMPTZ NOT NULL,
    lease_until         TIMESTAMPTZ,
    tries               INT         NOT NULL DEFAULT 0,
    error               TEXT,
    delivered_at        TIMESTAMPTZ
);
CREATE INDEX applicant_mail_due ON applicant_mail (due_at) WHERE delivered_at IS NULL;
