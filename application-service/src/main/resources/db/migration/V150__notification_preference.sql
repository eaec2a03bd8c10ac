-- How each account holder wants to be told (issue 22): the newest NotificationPreferencesChanged from account-service
-- per account (changed_at decides: an older event never overwrites a newer one). Without a row: e-mail only, to the
-- application's address. A text (SMS, WhatsApp) goes only to verified_phone, which account-service publishes only
-- once the holder proved the number with a code. Erased with the account (AccountErasure).
CREATE TABLE notification_preference (
    account_id     UUID        PRIMARY KEY,
    email          TEXT,
    verified_phone TEXT,
    channels       TEXT        NOT NULL,          -- EMAIL,SMS,WHATSAPP in that order, comma-separated, never empty
    language       TEXT        NOT NULL CHECK (language IN ('id', 'en')),
    changed_at     TIMESTAMPTZ NOT NULL
);
