-- Transactional outbox (platform). Written in the same transaction as the state change; published by the
-- outbox relay to Kafka as a CloudEvent (id = CloudEvents id, aggregate_id = Kafka key and ce subject).
CREATE TABLE outbox (
    id            UUID        PRIMARY KEY,
    seq           BIGSERIAL   NOT NULL UNIQUE,      -- publication order
    aggregate_id  TEXT        NOT NULL,
    type          TEXT        NOT NULL,             -- mpaspor.<service>.<Event>.v<n>
    topic         TEXT        NOT NULL,
    source        TEXT        NOT NULL,
    payload       TEXT        NOT NULL,             -- the event record as JSON
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at       TIMESTAMPTZ
);

-- The relay only ever scans what is still pending, oldest first.
CREATE INDEX outbox_pending ON outbox (seq) WHERE sent_at IS NULL;
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- Wake every relay when a transaction that wrote to the outbox commits (NOTIFY is delivered on commit and
-- collapsed per transaction). Polling stays as the safety net.
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mpaspor_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();
