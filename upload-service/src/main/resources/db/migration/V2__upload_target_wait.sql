-- An upload refused because its target is not (yet) in the projection is answered 409 upload-target-not-yet-known +
-- Retry-After while the projection may still catch up: for a bounded time after the first such refusal of the
-- account, application and applicant, shared by every instance (UnknownTargetRule). Forgotten long after.
CREATE TABLE upload_target_wait (
    account_id       uuid        NOT NULL,
    application_id   uuid        NOT NULL,
    applicant_id     uuid        NOT NULL,
    first_refused_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, application_id, applicant_id)
);
CREATE INDEX upload_target_wait_age ON upload_target_wait (first_refused_at);

-- Applications that are gone (a deleted draft, an erased account's): an upload for one is 404 at once, not "not yet".
-- Only the application's id: nothing of the account or the person. Forgotten after targets.gone-kept.
CREATE TABLE upload_target_gone (
    application_id uuid        PRIMARY KEY,
    gone_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX upload_target_gone_age ON upload_target_gone (gone_at);
