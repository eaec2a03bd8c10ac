-- Issue 24: application-service's applicant_mail becomes the platform's mail outbox (platform-mail, table
-- queued_mail, created by db/platform/V0_6 before this runs: Flyway applies pending migrations in version order, the
-- platform's out of order in a database that is already past V1). The mails not yet delivered move over with their
-- tries, due time and last error, the application as aggregate_id; a running lease is dropped (the mail is due
-- again at once if its due time has passed). The old rows did not record which kind of mail they were.
INSERT INTO queued_mail (id, recipient, kind, subject, body, aggregate_id, created_at, attempts, next_attempt_at,
                         last_error)
SELECT id, recipient, 'UNRECORDED', subject, body, application_id::text, created_at, tries, due_at, error
FROM applicant_mail
WHERE delivered_at IS NULL;

DROP TABLE applicant_mail;
