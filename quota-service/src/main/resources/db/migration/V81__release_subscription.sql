-- "Tell me when this office releases quota" (issue 22): a person's subscription to an office's releases. One per
-- account and office (the primary key: subscribing again changes nothing but the address and language). When the
-- office's QuotaReleased is written, one mail per subscription is queued in the same transaction (platform-mail,
-- queued_mail, key = release id + subscription id: a release mails each subscriber once); the subscription stays
-- for the next release until the person unsubscribes (logged in, or with the mail's link: unsubscribe_token).
CREATE TABLE release_subscription (
    id                UUID        NOT NULL UNIQUE,
    account_id        TEXT        NOT NULL,
    office_code       TEXT        NOT NULL REFERENCES office (code),
    email             TEXT        NOT NULL,            -- the token's upn when the person subscribed
    language          TEXT        NOT NULL CHECK (language IN ('id', 'en')),
    unsubscribe_token UUID        NOT NULL UNIQUE,     -- the mail's unsubscribe link: a random value, not the id
    created_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (account_id, office_code)
);
-- a release reads its office's subscribers
CREATE INDEX release_subscription_office ON release_subscription (office_code);
