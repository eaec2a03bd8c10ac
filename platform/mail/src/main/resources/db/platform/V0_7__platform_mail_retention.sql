-- Retention of the mail outbox (platform-mail, issue 23): the daily purge (MailRetention) deletes sent and dead mails
-- after mpaspor.mail.retention.sent / .dead; these indexes let it find them without reading the whole table.
CREATE INDEX queued_mail_sent ON queued_mail (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX queued_mail_dead ON queued_mail (dead_at) WHERE dead_at IS NOT NULL;
