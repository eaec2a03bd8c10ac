-- What Kafka acknowledged, per row (issue 25, Faults 2): sent_at used to be the start of the relay's round (the
-- transaction's now()), not the acknowledgement. acked_at is when the producer received the broker's ack of this
-- record, kafka_partition and kafka_offset where it was written, so an event can be found on its topic. sent_at
-- stays the relay's "done" marker (pending rows have it NULL; retention counts from it), now written when the
-- relay records the acks.
ALTER TABLE outbox
    ADD COLUMN acked_at        TIMESTAMPTZ,
    ADD COLUMN kafka_partition INTEGER,
    ADD COLUMN kafka_offset    BIGINT;
