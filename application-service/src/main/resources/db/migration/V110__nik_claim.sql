-- Claims of a NIK by its owner (issue 25, security 2): someone else's draft holds the NIK; the owner proves it is
-- theirs with a code sent to the mobile number Dukcapil registered for the NIK, and the draft loses the applicant.
CREATE TABLE nik_claim (
    id              UUID        PRIMARY KEY,
    nik             CHAR(16)    NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    account_id      UUID        NOT NULL,                 -- the claimant (JWT subject)
    code_hash       TEXT        NOT NULL,                 -- SHA-256 of id:code, never the code
    sent_to         TEXT        NOT NULL,                 -- masked number, as shown to the claimant
    attempts        INT         NOT NULL DEFAULT 0,       -- codes tried, counted before each is compared
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    confirmed_at    TIMESTAMPTZ,
    released_applicant_id UUID,                           -- the applicant removed from the other draft
    released_application_id UUID
);
CREATE INDEX nik_claim_recent ON nik_claim (nik, created_at DESC);
