-- billing-service: bills (one per application), their line items, payments reported by the channels.

-- Source of the billing codes. Never cycles and is never reset, so a code is never issued twice; the unique
-- constraint on bill.billing_code is the second guard. 13 digits of payload, see BillingCode.
CREATE SEQUENCE billing_code_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9999999999999 NO CYCLE;

CREATE TABLE bill (
    id              UUID        PRIMARY KEY,
    application_id  TEXT        NOT NULL UNIQUE,          -- one bill per application
    account_id      TEXT        NOT NULL,                 -- the owner (applicant account)
    hold_id         TEXT,
    office_code     TEXT,
    billing_code    CHAR(15)    NOT NULL UNIQUE CHECK (billing_code ~ '^[0-9]{15}$'),
    amount          BIGINT      NOT NULL CHECK (amount > 0), -- whole rupiah
    status          TEXT        NOT NULL CHECK (status IN ('ISSUED', 'PAID', 'EXPIRED', 'CANCELLED')),
    issued_at       TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    paid_at         TIMESTAMPTZ,
    expired_at      TIMESTAMPTZ,
    cancelled_at    TIMESTAMPTZ,
    CHECK (expires_at > issued_at),
    CHECK (status <> 'PAID' OR paid_at IS NOT NULL),
    CHECK (status <> 'EXPIRED' OR expired_at IS NOT NULL),
    CHECK (status <> 'CANCELLED' OR cancelled_at IS NOT NULL)
);

-- The expiry job scans only what can still expire, oldest deadline first.
CREATE INDEX bill_due ON bill (expires_at) WHERE status = 'ISSUED';
CREATE INDEX bill_account ON bill (account_id);

CREATE TABLE bill_line (
    bill_id         UUID        NOT NULL REFERENCES bill (id),
    line_no         INT         NOT NULL,
    applicant_id    TEXT,
    applicant_name  TEXT        NOT NULL,
    item            TEXT        NOT NULL,                 -- PASSPORT_ORDINARY_5Y, ..., SAME_DAY_SERVICE
    description     TEXT        NOT NULL,                 -- as printed on the invoice (Indonesian)
    amount          BIGINT      NOT NULL CHECK (amount > 0),
    PRIMARY KEY (bill_id, line_no)
);

CREATE TABLE payment (
    id                 UUID        PRIMARY KEY,
    bill_id            UUID        NOT NULL REFERENCES bill (id),
    billing_code       CHAR(15)    NOT NULL,
    channel            TEXT        NOT NULL,
    channel_reference  TEXT        NOT NULL,
    amount             BIGINT      NOT NULL CHECK (amount > 0),
    paid_at            TIMESTAMPTZ NOT NULL,              -- as reported by the channel
    recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    ntpn               CHAR(16)    NOT NULL UNIQUE,       -- the state's receipt number
    outcome            TEXT        NOT NULL CHECK (outcome IN ('APPLIED', 'REFUND_REQUIRED')),
    refund_reason      TEXT        CHECK (refund_reason IN ('LATE', 'ALREADY_PAID', 'CANCELLED')),
    CHECK ((outcome = 'APPLIED') = (refund_reason IS NULL)),
    -- a channel's reference identifies one payment: the same callback again is a replay, never a new payment
    UNIQUE (channel, channel_reference)
);

-- At most one payment is ever applied to a bill.
CREATE UNIQUE INDEX payment_applied_once ON payment (bill_id) WHERE outcome = 'APPLIED';
CREATE INDEX payment_channel_day ON payment (channel, paid_at);

-- Authenticated callbacks answered as replays of an already recorded payment (audit for reconciliation only:
-- a replay changes no bill and no payment).
CREATE TABLE callback_duplicate (
    channel   TEXT   NOT NULL,
    day       DATE   NOT NULL,                            -- in the configured time zone
    count     BIGINT NOT NULL,
    PRIMARY KEY (channel, day)
);
