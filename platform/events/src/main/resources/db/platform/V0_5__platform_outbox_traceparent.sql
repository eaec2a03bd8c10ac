-- One saga, one trace (issue 18): the W3C traceparent of the work that appended the event (the request, or the
-- consumer's work on an earlier event). The relay sends it as the CloudEvents distributed-tracing extension
-- (Kafka header ce_traceparent); the consumer continues the trace, and the events it appends carry it on.
-- NULL for rows written before this migration or by code that traces nothing.
ALTER TABLE outbox ADD COLUMN traceparent TEXT;
