-- Issue 25, Security 3 and 4. Login attempts are counted per (email, client) and, with a slower back-off, per
-- email (client = ''); each attempt is counted atomically, under the row's lock, before the password is checked.
DROP TABLE login_guard;
CREATE TABLE login_guard (
    email         TEXT        NOT NULL,             -- normalised, known or not
    client        TEXT        NOT NULL,             -- client address; '' = the email's global back-off
    attempts      INT         NOT NULL,             -- attempts counted in the window (in flight included)
    window_start  TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ,                      -- per client: the lock; global: the next attempt allowed
    PRIMARY KEY (email, client)
);

-- Wrong OTP codes per (email, purpose), known email or not, so the answers never tell which emails exist.
-- Counted with a conditional UPDATE before the code is compared; a new code request (admitted) resets it.
CREATE TABLE otp_guard (
    email     TEXT NOT NULL,
    purpose   TEXT NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    attempts  INT  NOT NULL,
    PRIMARY KEY (email, purpose)
);
