-- Issue 22, part 5: helpdesk tickets about an application, corrections of an applicant's data after submission (with
-- their audit), and the mails resent on request. Everything hangs off the application (ON DELETE CASCADE): erasing an
-- account (AccountErasure) or a stale draft (Retention) takes these rows with it.

-- A ticket: state OPEN (waiting for the office), ANSWERED (waiting for the applicant), CLOSED (domain.TicketLifecycle).
-- The office that answers is the one the application is booked at (application.office_code), read when listing.
CREATE TABLE helpdesk_ticket (
    id                  UUID        PRIMARY KEY,
    application_id      UUID        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    category            TEXT        NOT NULL CHECK (category IN ('PAYMENT', 'DOCUMENT', 'APPOINTMENT',
                                                                 'DATA_CORRECTION', 'PASSPORT_DELIVERY', 'OTHER')),
    subject             TEXT        NOT NULL,
    state               TEXT        NOT NULL CHECK (state IN ('OPEN', 'ANSWERED', 'CLOSED')),
    opened_by           TEXT        NOT NULL,                 -- JWT subject of the applicant
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,                 -- last message or state change
    closed_at           TIMESTAMPTZ,                          -- the reopen window runs from here
    closed_by           TEXT
);
CREATE INDEX helpdesk_ticket_application ON helpdesk_ticket (application_id, created_at);
CREATE INDEX helpdesk_ticket_state ON helpdesk_ticket (state, updated_at);

-- Every message of a ticket, the first one included: who wrote it (role and JWT subject) and when.
CREATE TABLE helpdesk_message (
    id                  UUID        PRIMARY KEY,
    ticket_id           UUID        NOT NULL REFERENCES helpdesk_ticket (id) ON DELETE CASCADE,
    author_role         TEXT        NOT NULL CHECK (author_role IN ('APPLICANT', 'OFFICER', 'ADMIN')),
    author_id           TEXT        NOT NULL,
    assisted_by         TEXT,                                 -- the desk officer typing for the applicant, if any
    body                TEXT        NOT NULL,
    upload_ids          TEXT        NOT NULL DEFAULT '',      -- comma-separated: the application's own uploads
    created_at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX helpdesk_message_ticket ON helpdesk_message (ticket_id, created_at);

-- The audit of corrections after submission (domain.CorrectionRules): one row per changed field.
CREATE TABLE applicant_correction (
    id                  UUID        PRIMARY KEY,
    application_id      UUID        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    applicant_id        UUID        NOT NULL REFERENCES applicant (id) ON DELETE CASCADE,
    field               TEXT        NOT NULL,
    old_value           TEXT        NOT NULL,
    new_value           TEXT        NOT NULL,
    reason              TEXT        NOT NULL,
    corrected_by        TEXT        NOT NULL,                 -- JWT subject
    corrected_by_role   TEXT        NOT NULL CHECK (corrected_by_role IN ('APPLICANT', 'OFFICER', 'ADMIN')),
    assisted_by         TEXT,                                 -- the desk officer typing for the applicant, if any
    corrected_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX applicant_correction_applicant ON applicant_correction (applicant_id, corrected_at);

-- Each resend asked for (service.MailResends): who asked and when; the newest per kind and application is the
-- rate limit's clock. The mail itself is a new queued_mail row (idempotency key 'resend:<id>').
CREATE TABLE mail_resend (
    id                  UUID        PRIMARY KEY,
    application_id      UUID        NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    kind                TEXT        NOT NULL,
    requested_by        TEXT        NOT NULL,
    requested_by_role   TEXT        NOT NULL CHECK (requested_by_role IN ('APPLICANT', 'OFFICER', 'ADMIN')),
    requested_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX mail_resend_latest ON mail_resend (application_id, kind, requested_at DESC);
