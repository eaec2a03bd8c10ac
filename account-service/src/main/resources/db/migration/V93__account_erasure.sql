-- Erasure of an account (issue 23, UU PDP: the right to erasure). service/AccountErasure.
ALTER TABLE account DROP CONSTRAINT account_status_check;
ALTER TABLE account ADD CONSTRAINT account_status_check
    CHECK (status IN ('PENDING_VERIFICATION', 'ACTIVE', 'DISABLED', 'ERASURE_PENDING', 'ERASED'));

-- One row per request: the record that it was asked, decided and carried out. Holds no personal data: the account id
-- names nobody once the account is erased.
CREATE TABLE account_erasure (
    id                  UUID        PRIMARY KEY,
    account_id          UUID        NOT NULL REFERENCES account (id),
    requested_at        TIMESTAMPTZ NOT NULL,
    outcome             TEXT        CHECK (outcome IN ('REFUSED', 'ERASED')),   -- NULL: waiting for application-service
    decided_at          TIMESTAMPTZ,
    in_progress         TEXT,                                                  -- REFUSED: the applications in progress
    CHECK ((outcome IS NULL) = (decided_at IS NULL))
);
-- At most one request waiting per account.
CREATE UNIQUE INDEX account_erasure_waiting ON account_erasure (account_id) WHERE outcome IS NULL;
CREATE INDEX account_erasure_recent ON account_erasure (requested_at DESC);

-- Each service's confirmation (its *DataErased event): what it removed, by kind. Append-only.
CREATE TABLE account_erasure_confirmation (
    account_id   UUID        NOT NULL REFERENCES account (id),
    service      TEXT        NOT NULL,
    erased_at    TIMESTAMPTZ NOT NULL,
    removed      TEXT        NOT NULL,                                         -- JSON: kind -> rows
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, service)
);

CREATE FUNCTION account_erasure_confirmation_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'account_erasure_confirmation is append-only';
END;
$$;
CREATE TRIGGER account_erasure_confirmation_append_only BEFORE UPDATE OR DELETE ON account_erasure_confirmation
    FOR EACH ROW EXECUTE FUNCTION account_erasure_confirmation_append_only();
