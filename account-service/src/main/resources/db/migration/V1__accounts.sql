-- Accounts of applicants, officers and admins.
CREATE TABLE account (
    id             UUID        PRIMARY KEY,
    email          TEXT        NOT NULL,             -- normalised: trimmed, lower case
    full_name      TEXT        NOT NULL,
    phone          TEXT,                             -- +62 followed by the mobile number
    password_hash  TEXT        NOT NULL,             -- bcrypt (modular crypt format)
    role           TEXT        NOT NULL CHECK (role IN ('APPLICANT', 'OFFICER', 'ADMIN')),
    office_code    TEXT,                             -- officers only
    status         TEXT        NOT NULL CHECK (status IN ('PENDING_VERIFICATION', 'ACTIVE')),
    language       TEXT        NOT NULL DEFAULT 'id',
    created_at     TIMESTAMPTZ NOT NULL,
    verified_at    TIMESTAMPTZ,
    password_changed_at TIMESTAMPTZ,
    version        BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT officer_has_office CHECK (role <> 'OFFICER' OR office_code IS NOT NULL)
);
CREATE UNIQUE INDEX account_email ON account (email);

-- One-time passwords (email verification, password reset). Only an HMAC of the code is stored.
CREATE TABLE otp (
    id           UUID        PRIMARY KEY,
    account_id   UUID        NOT NULL REFERENCES account (id),
    purpose      TEXT        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    code_hash    TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    attempts     INT         NOT NULL DEFAULT 0,
    consumed_at  TIMESTAMPTZ,
    voided_at    TIMESTAMPTZ
);
CREATE INDEX otp_account_purpose ON otp (account_id, purpose, created_at DESC);

-- Every OTP sending requested for an email, known or not: the resend limits count these, so that the answer
-- to an unknown email looks exactly like the answer to a known one.
CREATE TABLE otp_request (
    id            BIGSERIAL   PRIMARY KEY,
    email         TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX otp_request_email ON otp_request (email, requested_at DESC);

-- Failed logins per email (known or not, for the same reason), and the lock they cause.
CREATE TABLE login_guard (
    email         TEXT        PRIMARY KEY,
    failures      INT         NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ
);

-- Opaque refresh tokens (only a SHA-256 is stored), rotated on every use. A family is one login session:
-- presenting a token that was already rotated revokes the whole family.
CREATE TABLE refresh_token (
    id           UUID        PRIMARY KEY,
    account_id   UUID        NOT NULL REFERENCES account (id),
    family_id    UUID        NOT NULL,
    token_hash   TEXT        NOT NULL UNIQUE,
    issued_at    TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    rotated_at   TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_account ON refresh_token (account_id) WHERE revoked_at IS NULL;

-- Transactional mail outbox: written with the state change, sent after commit by the mail relay with
-- retries. The body (it may carry an OTP) is erased once sent.
CREATE TABLE mail_outbox (
    id               UUID        PRIMARY KEY,
    recipient        TEXT        NOT NULL,
    kind             TEXT        NOT NULL,
    subject          TEXT        NOT NULL,
    body             TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    attempts         INT         NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    sent_at          TIMESTAMPTZ,
    last_error       TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;
