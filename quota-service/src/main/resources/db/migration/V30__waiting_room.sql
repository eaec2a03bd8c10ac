-- The waiting room of a quota release (issue 17). One row per release: the state every instance reads (a short poll)
-- and only the admission leader (pg_try_advisory_xact_lock) advances: the shuffle at release_at, admitted_up_to, the
-- places left and the sold-out moment. Nothing of it is decided by one JVM's memory.
CREATE TABLE waiting_room (
    release_id        UUID        PRIMARY KEY REFERENCES quota_release (id),
    office_code       TEXT        NOT NULL REFERENCES office (code),
    from_date         DATE        NOT NULL,
    to_date           DATE        NOT NULL,
    opens_at          TIMESTAMPTZ NOT NULL,
    release_at        TIMESTAMPTZ NOT NULL,
    closes_at         TIMESTAMPTZ NOT NULL CHECK (closes_at > release_at),
    opened_at         TIMESTAMPTZ,                  -- QueueOpened written to the outbox
    shuffled_at       TIMESTAMPTZ,                  -- the pre-queue got its random order
    pre_queue_size    BIGINT,
    last_position     BIGINT      NOT NULL DEFAULT 0,   -- the last position given (pre-queue, then FIFO)
    admitted_up_to    BIGINT      NOT NULL DEFAULT 0,   -- positions 1..admitted_up_to may take a hold pass
    admit_rate        DOUBLE PRECISION NOT NULL DEFAULT 0,  -- positions admitted per second lately (estimated waits)
    places_left       INTEGER,
    sold_out_at       TIMESTAMPTZ,
    next_release_at   TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT admitted_within_queue CHECK (admitted_up_to >= 0 AND admitted_up_to <= last_position)
);
CREATE INDEX waiting_room_open ON waiting_room (closes_at);

-- One place per account and release (the primary key: joining again returns it). position is null in the pre-queue
-- until the shuffle; admitted_at is set when the leader admits it.
CREATE TABLE waiting_room_entry (
    release_id  UUID        NOT NULL REFERENCES waiting_room (release_id),
    account_id  TEXT        NOT NULL,
    joined_at   TIMESTAMPTZ NOT NULL,
    position    BIGINT,
    admitted_at TIMESTAMPTZ,
    PRIMARY KEY (release_id, account_id)
);
CREATE UNIQUE INDEX waiting_room_entry_position ON waiting_room_entry (release_id, position);
-- the pre-queue the shuffle reads
CREATE INDEX waiting_room_entry_pre_queue ON waiting_room_entry (release_id) WHERE position IS NULL;
