-- biometric-service: bookings (what quota and application told us), appointments (one per applicant), their
-- fingerprint captures.

-- A booking joins two facts that arrive on two topics in any order: ApplicationSubmitted (owner, applicants) and
-- HoldConfirmed (the paid slot). Appointments are created once both are known. BookingRescheduled moves the slot.
CREATE TABLE booking (
    application_id  TEXT        PRIMARY KEY,
    account_id      TEXT,                       -- from ApplicationSubmitted: the owner
    hold_id         TEXT,
    office_code     TEXT,
    date            DATE,
    session         TEXT,
    service         TEXT,
    submitted_at    TIMESTAMPTZ,               -- ApplicationSubmitted applied
    confirmed_at    TIMESTAMPTZ,               -- HoldConfirmed applied
    cancelled_at    TIMESTAMPTZ,               -- ApplicationCancelled applied
    scheduled_at    TIMESTAMPTZ,               -- appointments created
    applicants      TEXT                       -- JSON array of ApplicationSubmitted.applicants
);
CREATE INDEX booking_hold ON booking (hold_id);


-- Passport numbers: letter of the kind + 7 digits of this never-cycling sequence (see PassportNumber).
CREATE SEQUENCE passport_number_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9999999 NO CYCLE;

CREATE TABLE appointment (
    id                   UUID        PRIMARY KEY,
    application_id       TEXT        NOT NULL,
    applicant_id         TEXT        NOT NULL,
    account_id           TEXT        NOT NULL,
    full_name            TEXT        NOT NULL,
    nik                  CHAR(16)    NOT NULL,
    passport_kind        TEXT        NOT NULL,
    validity_years       INT         NOT NULL,
    office_code          TEXT        NOT NULL,
    date                 DATE        NOT NULL,
    session              TEXT,
    booking_code         CHAR(8)     NOT NULL UNIQUE,
    status               TEXT        NOT NULL CHECK (status IN ('SCHEDULED', 'CHECKED_IN', 'INTERVIEWED', 'CAPTURED',
                             'APPROVED', 'REJECTED', 'ISSUED', 'IN_DELIVERY', 'DELIVERED', 'COLLECTED', 'NO_SHOW',
                             'CANCELLED', 'UNCOLLECTED')),
    created_at           TIMESTAMPTZ NOT NULL,
    checked_in_at        TIMESTAMPTZ,
    checked_in_by        TEXT,
    interview_outcome    TEXT        CHECK (interview_outcome IN ('VERIFIED', 'REJECTED')),
    interview_reason     TEXT,
    interviewed_at       TIMESTAMPTZ,
    interviewed_by       TEXT,
    face_attempts        INT         NOT NULL DEFAULT 0,
    face_score           INT,
    face_passed          BOOLEAN     NOT NULL DEFAULT FALSE,
    captured_at          TIMESTAMPTZ,
    decision_reason      TEXT,
    decided_at           TIMESTAMPTZ,
    decided_by           TEXT,
    passport_number      CHAR(8)     UNIQUE,
    expected_ready_date  DATE,
    issued_at            TIMESTAMPTZ,
    collect_before       TIMESTAMPTZ,
    handover_method      TEXT        CHECK (handover_method IN ('PICKUP', 'POS')),
    tracking_number      TEXT,
    pos_status           TEXT,
    collected_by         TEXT        CHECK (collected_by IN ('APPLICANT', 'FAMILY_MEMBER')),
    collector_name       TEXT,
    collector_nik        CHAR(16),
    family_card_number   CHAR(16),
    handed_over_at       TIMESTAMPTZ,
    closed_at            TIMESTAMPTZ,   -- NO_SHOW, CANCELLED, UNCOLLECTED
    UNIQUE (application_id, applicant_id),
    CHECK (status <> 'APPROVED' OR passport_number IS NOT NULL)
);
CREATE INDEX appointment_account ON appointment (account_id);
CREATE INDEX appointment_scheduled ON appointment (date) WHERE status = 'SCHEDULED';
CREATE INDEX appointment_issued ON appointment (collect_before) WHERE status = 'ISSUED';
CREATE INDEX appointment_in_delivery ON appointment (tracking_number) WHERE status = 'IN_DELIVERY';

-- One row per finger once the station reported it: attempts, last score, passed, or the officer's exception.
CREATE TABLE finger_capture (
    id                UUID        PRIMARY KEY,
    appointment_id    UUID        NOT NULL REFERENCES appointment (id),
    finger            TEXT        NOT NULL,
    attempts          INT         NOT NULL DEFAULT 0,
    best_score        INT,
    passed            BOOLEAN     NOT NULL DEFAULT FALSE,
    exception_kind    TEXT        CHECK (exception_kind IN ('INJURED', 'AMPUTATED', 'UNREADABLE')),
    exception_reason  TEXT,
    updated_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (appointment_id, finger),
    CHECK (NOT (passed AND exception_kind IS NOT NULL))
);
