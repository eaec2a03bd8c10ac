-- Test-only tables: a state change written with its outbox event, and the effect of consumed events.
CREATE TABLE payment (
    id              UUID   PRIMARY KEY,
    application_id  TEXT   NOT NULL,
    billing_code    TEXT   NOT NULL,
    amount          BIGINT NOT NULL
);

CREATE TABLE ledger (
    id            BIGSERIAL   PRIMARY KEY,
    billing_code  TEXT        NOT NULL,   -- deliberately not unique: a double effect would show as two rows
    amount        BIGINT      NOT NULL,
    applied_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
