-- The collective service (issue 19): the batches application-service announced (CollectiveBatchRegistered) and what
-- quota-service decided for each, once: HELD (one hold per member on the office's PRIORITY_WALK_IN line) or REFUSED
-- (none taken). The primary key makes a redelivered or repeated announcement take its places only once.
CREATE TABLE collective_batch (
    id          UUID        PRIMARY KEY,
    office_code TEXT        NOT NULL,
    date        DATE        NOT NULL,
    session     TEXT        NOT NULL,
    places      INTEGER     NOT NULL CHECK (places >= 0),
    outcome     TEXT        NOT NULL CHECK (outcome IN ('HELD', 'REFUSED')),
    reason      TEXT,                     -- why REFUSED: NOT_ENOUGH_PLACES, NOT_RELEASED, CLOSED, E_PASSPORT_CLOSED, NIK_ALREADY_HELD
    remaining   INTEGER,                  -- walk-in places left when REFUSED
    decided_at  TIMESTAMPTZ NOT NULL
);
