-- Each re-drive of a dead letter from the ops console: who, when, which record, where it went (issue 18 item 1).
CREATE TABLE redrive (
    id                    uuid PRIMARY KEY,
    dead_letter_topic     text        NOT NULL,
    dead_letter_partition integer     NOT NULL,
    dead_letter_offset    bigint      NOT NULL,
    target_topic          text        NOT NULL,
    target_partition      integer     NOT NULL,
    target_offset         bigint      NOT NULL,
    event_id              text,
    event_type            text,
    record_key            text,
    reason                text,
    redriven_by           text        NOT NULL,
    redriven_by_email     text,
    redriven_at           timestamptz NOT NULL
);
CREATE INDEX redrive_source ON redrive (dead_letter_topic, dead_letter_partition, dead_letter_offset);
CREATE INDEX redrive_at ON redrive (redriven_at DESC);
