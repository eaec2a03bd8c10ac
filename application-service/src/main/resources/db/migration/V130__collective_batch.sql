-- The collective service ("Eazy Passport", issue 19): an officer registers a batch of people (a school, company or
-- event) for a visit of their office on one date and session. Each member becomes one application of its own, owned
-- by the batch: the application's account_id is its own id (no applicant's token carries it), its email the
-- coordinator's, its office_code the batch's office from the start (so the office's officers read it).
CREATE TABLE collective_batch (
    id                  UUID        PRIMARY KEY,
    office_code         TEXT        NOT NULL,                 -- the registering officer's office (token claim)
    officer_id          TEXT        NOT NULL,                 -- JWT subject of the registering officer
    organisation        TEXT        NOT NULL,
    contact_name        TEXT        NOT NULL,
    contact_email       TEXT        NOT NULL,                 -- where every member application's mails go
    contact_phone       TEXT        NOT NULL,
    visit_date          DATE        NOT NULL,
    session             TEXT        NOT NULL CHECK (session IN ('MORNING', 'AFTERNOON')),
    passport_kind       TEXT        NOT NULL CHECK (passport_kind IN ('ORDINARY', 'ELECTRONIC')),
    state               TEXT        NOT NULL CHECK (state IN ('CHECKING', 'REGISTERED', 'PARTLY_REGISTERED', 'REFUSED')),
    reason              TEXT,                                 -- why quota-service refused the batch, if it did
    remaining           INT,                                  -- walk-in places left when refused
    announced_at        TIMESTAMPTZ,                          -- CollectiveBatchRegistered written to the outbox
    idempotency_key     TEXT        CHECK (length(idempotency_key) <= 255),
    request_fingerprint TEXT,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL
);
-- An Idempotency-Key names one batch of its officer forever.
CREATE UNIQUE INDEX collective_batch_idempotency_key ON collective_batch (officer_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX collective_batch_office ON collective_batch (office_code, created_at DESC);

-- The members in the order the officer entered them. state: CHECKING (Dukcapil has not answered yet), VERIFIED
-- (waiting for quota-service's places), REGISTERED (its application was submitted with its hold), REFUSED (reason).
CREATE TABLE collective_member (
    batch_id            UUID        NOT NULL REFERENCES collective_batch (id),
    position            INT         NOT NULL,
    application_id      UUID        NOT NULL REFERENCES application (id),
    full_name           TEXT        NOT NULL,
    nik                 CHAR(16)    NOT NULL,
    state               TEXT        NOT NULL CHECK (state IN ('CHECKING', 'VERIFIED', 'REGISTERED', 'REFUSED')),
    reason              TEXT,
    updated_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (batch_id, position)
);
CREATE UNIQUE INDEX collective_member_application ON collective_member (application_id);
