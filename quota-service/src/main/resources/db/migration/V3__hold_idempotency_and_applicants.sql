-- Issue 25. Holds are idempotent (Idempotency-Key), an account lists its holds, and a hold's NIKs must be
-- applicants of one of the account's applications (a projection of application-service's ApplicantsChanged).

-- The key a client sent with the POST that created the hold, stored by the same statement that inserts the hold,
-- and a fingerprint of that request (a retry with the same key and another request is refused).
ALTER TABLE hold ADD COLUMN idempotency_key TEXT CHECK (length(idempotency_key) <= 255);
ALTER TABLE hold ADD COLUMN request_fingerprint TEXT;
-- A key names one hold of its account forever (also once the hold was released).
CREATE UNIQUE INDEX hold_idempotency_key ON hold (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- GET /holds: the account's holds and bookings that are still active.
CREATE INDEX hold_active_of_account ON hold (account_id) WHERE status IN ('HELD', 'BOOKED');

-- The applicants of each application as application-service last announced them (ApplicantsChanged, key =
-- application id, so in order per application). Replaced as a whole by each event; removed when cancelled.
CREATE TABLE application_applicants (
    application_id TEXT        PRIMARY KEY,
    account_id     TEXT        NOT NULL,
    changed_at     TIMESTAMPTZ NOT NULL,   -- the event's time: an older event never overwrites a newer one
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE applicant_nik (
    application_id TEXT NOT NULL REFERENCES application_applicants (application_id) ON DELETE CASCADE,
    account_id     TEXT NOT NULL,
    nik            TEXT NOT NULL,
    PRIMARY KEY (account_id, nik, application_id)
);
CREATE INDEX applicant_nik_by_nik ON applicant_nik (nik);

-- A hold refused because a NIK is not (yet) known as the account's applicant is answered 409 + Retry-After while
-- the projection may still catch up: for a bounded time after the first such refusal of the account and NIK.
CREATE TABLE applicant_wait (
    account_id       TEXT        NOT NULL,
    nik              TEXT        NOT NULL,
    first_refused_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, nik)
);
CREATE INDEX applicant_wait_age ON applicant_wait (first_refused_at);
