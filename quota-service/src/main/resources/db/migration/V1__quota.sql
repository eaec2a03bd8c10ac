-- quota-service schema: offices, capacity per date/service/session, holds (which become bookings), NIK bindings,
-- admin rules, closures and quota releases.

CREATE TABLE office (
    code        TEXT PRIMARY KEY,
    name        TEXT             NOT NULL,
    city        TEXT             NOT NULL,
    address     TEXT             NOT NULL,
    latitude    DOUBLE PRECISION NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude   DOUBLE PRECISION NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    time_zone   TEXT             NOT NULL CHECK (time_zone IN ('WIB', 'WITA', 'WIT')),
    zone_id     TEXT             NOT NULL      -- IANA zone: Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura
);

-- Weekday capacities an admin sets per office (ISO weekday 1 = Monday). An office without any rule gets the
-- configured defaults on the configured open days when a release is materialized.
CREATE TABLE office_rule (
    office_code TEXT     NOT NULL REFERENCES office (code),
    weekday     SMALLINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    service     TEXT     NOT NULL CHECK (service IN ('REGULAR', 'SAME_DAY', 'PRIORITY_WALK_IN')),
    session     TEXT     NOT NULL CHECK (session IN ('MORNING', 'AFTERNOON')),
    capacity    INTEGER  NOT NULL CHECK (capacity >= 0),
    PRIMARY KEY (office_code, weekday, service, session)
);

-- Holidays (scope ALL) and dates without blank electronic-passport books (scope E_PASSPORT).
CREATE TABLE office_closure (
    office_code TEXT NOT NULL REFERENCES office (code),
    date        DATE NOT NULL,
    scope       TEXT NOT NULL CHECK (scope IN ('ALL', 'E_PASSPORT')),
    reason      TEXT,
    PRIMARY KEY (office_code, date, scope)
);

-- A batch of quota that goes on sale at release_at (start of the month, twice a month...).
CREATE TABLE quota_release (
    id           UUID        PRIMARY KEY,
    office_code  TEXT        NOT NULL REFERENCES office (code),
    from_date    DATE        NOT NULL,
    to_date      DATE        NOT NULL CHECK (to_date >= from_date),
    release_at   TIMESTAMPTZ NOT NULL,
    slots        INTEGER     NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ                 -- QuotaReleased was written to the outbox
);
CREATE INDEX quota_release_due ON quota_release (release_at) WHERE published_at IS NULL;

-- The hot row. A hold is one conditional UPDATE of (held) on this row: the CHECK is the last line of defence,
-- the WHERE clause of the UPDATE is the rule.
CREATE TABLE capacity (
    office_code       TEXT        NOT NULL REFERENCES office (code),
    date              DATE        NOT NULL,
    service           TEXT        NOT NULL CHECK (service IN ('REGULAR', 'SAME_DAY', 'PRIORITY_WALK_IN')),
    session           TEXT        NOT NULL CHECK (session IN ('MORNING', 'AFTERNOON')),
    capacity          INTEGER     NOT NULL CHECK (capacity >= 0),
    held              INTEGER     NOT NULL DEFAULT 0,
    release_at        TIMESTAMPTZ NOT NULL,
    closed            BOOLEAN     NOT NULL DEFAULT false,
    e_passport_closed BOOLEAN     NOT NULL DEFAULT false,
    release_id        UUID        REFERENCES quota_release (id),
    PRIMARY KEY (office_code, date, service, session),
    CONSTRAINT capacity_never_exceeded CHECK (held >= 0 AND held <= capacity)
) WITH (fillfactor = 70);   -- room for HOT updates of the hot rows

-- A hold of capacity for the given NIKs; confirmed by payment it becomes a booking (status BOOKED).
CREATE TABLE hold (
    id               UUID        PRIMARY KEY,
    account_id       TEXT        NOT NULL,
    office_code      TEXT        NOT NULL REFERENCES office (code),
    date             DATE        NOT NULL,
    service          TEXT        NOT NULL,
    session          TEXT        NOT NULL,
    passport_kind    TEXT        NOT NULL DEFAULT 'ORDINARY' CHECK (passport_kind IN ('ORDINARY', 'ELECTRONIC')),
    size             INTEGER     NOT NULL CHECK (size BETWEEN 1 AND 5),
    niks             TEXT        NOT NULL,  -- comma separated, in request order; bound rows in hold_nik
    status           TEXT        NOT NULL CHECK (status IN ('HELD', 'BOOKED', 'RELEASED')),
    expires_at       TIMESTAMPTZ NOT NULL,
    application_id   TEXT,
    billing_code     TEXT,
    reschedules_used INTEGER     NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    confirmed_at     TIMESTAMPTZ,
    released_at      TIMESTAMPTZ,
    release_reason   TEXT
);
-- Anti-scalping: an account has at most one active (unpaid) hold.
CREATE UNIQUE INDEX hold_one_active_per_account ON hold (account_id) WHERE status = 'HELD';
-- The expiry scheduler scans only what can expire.
CREATE INDEX hold_expiry ON hold (expires_at) WHERE status = 'HELD';
CREATE INDEX hold_application ON hold (application_id) WHERE application_id IS NOT NULL;
-- The officers' day list.
CREATE INDEX hold_bookings_of_day ON hold (office_code, date) WHERE status = 'BOOKED';

-- Anti-scalping: a NIK is bound to at most one active hold or booking.
CREATE TABLE hold_nik (
    hold_id  UUID    NOT NULL REFERENCES hold (id),
    nik      TEXT    NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    active   BOOLEAN NOT NULL DEFAULT true,
    PRIMARY KEY (hold_id, nik)
);
CREATE UNIQUE INDEX hold_nik_one_active_slot ON hold_nik (nik) WHERE active;
