-- Mail outbox (platform-mail, issue 24): a mail is queued in the transaction of the step that calls for it, so a
-- rolled-back step sends nothing, and is sent after commit by the mail dispatcher through SMTP. A dispatcher claims
-- due rows with a lease (lease_until) under FOR UPDATE SKIP LOCKED, so any number of instances send each mail once;
-- a failed attempt is retried with exponential backoff (next_attempt_at) until mpaspor.mail.max-attempts, then the
-- mail is dead: kept, with its last error, for ops to look at and resend. The body (it may carry an OTP) is erased
-- once sent. Only the services that depend on platform-mail (account, application) get this table.
-- Versioning: db/platform is one sequence for platform-events (V0_1 to V0_5) and platform-mail (V0_6 on).
CREATE TABLE queued_mail (
    id               UUID        PRIMARY KEY,
    recipient        TEXT        NOT NULL,
    kind             TEXT        NOT NULL,             -- the service's name of the mail, e.g. OTP_VERIFY_EMAIL
    subject          TEXT        NOT NULL,
    body             TEXT,                             -- NULL once sent
    aggregate_id     TEXT,                             -- what the mail is about (e.g. the application), if anything
    idempotency_key  TEXT        UNIQUE,               -- a mail whose key is already queued is not queued again
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_until      TIMESTAMPTZ,                      -- claimed by a dispatcher until then
    sent_at          TIMESTAMPTZ,
    dead_at          TIMESTAMPTZ,                      -- given up after the last attempt
    last_error       TEXT
);

-- The dispatcher only ever scans what is still to be sent, soonest first.
CREATE INDEX queued_mail_due ON queued_mail (next_attempt_at) WHERE sent_at IS NULL AND dead_at IS NULL;
CREATE INDEX queued_mail_aggregate ON queued_mail (aggregate_id) WHERE aggregate_id IS NOT NULL;
