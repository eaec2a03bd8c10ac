-- Issue 24: account-service's mail outbox becomes the platform's (platform-mail, table queued_mail, created by
-- db/platform/V0_6 before this runs: Flyway applies pending migrations in version order, the platform's out of
-- order in a database that is already past V1). The mails not yet sent move over with their attempts, due time
-- and last error, so none is lost nor sent twice; the sent ones (bodies already erased) go with the old table.
INSERT INTO queued_mail (id, recipient, kind, subject, body, created_at, attempts, next_attempt_at, last_error)
SELECT id, recipient, kind, subject, body, created_at, attempts, next_attempt_at, last_error
FROM mail_outbox
WHERE sent_at IS NULL;

DROP TABLE mail_outbox;
