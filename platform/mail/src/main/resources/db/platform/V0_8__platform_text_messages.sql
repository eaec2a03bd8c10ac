-- Texts beside e-mail (issue 22: notifications on more than e-mail): the mail outbox carries SMS and WhatsApp
-- messages too, with the same guarantees (queued in the step's transaction, once per idempotency key, retried with
-- backoff, dead after the last attempt). A text's recipient is a phone number and its subject is its kind (never
-- sent). The provider's id of a text and its signed delivery receipt (delivered or not) are recorded.
ALTER TABLE queued_mail
    ADD COLUMN channel             TEXT NOT NULL DEFAULT 'EMAIL' CHECK (channel IN ('EMAIL', 'SMS', 'WHATSAPP')),
    ADD COLUMN provider_message_id TEXT,
    ADD COLUMN delivered_at        TIMESTAMPTZ,
    ADD COLUMN undelivered_at      TIMESTAMPTZ;

-- A receipt names the provider's id: found without a scan.
CREATE INDEX queued_mail_provider_message ON queued_mail (provider_message_id) WHERE provider_message_id IS NOT NULL;
