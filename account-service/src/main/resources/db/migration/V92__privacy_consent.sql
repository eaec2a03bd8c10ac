-- Consent to the privacy notice (issue 23, UU PDP 27/2022 art. 20-22): which account accepted which version of the
-- notice, when, in which language, from which client address. Append-only: a newer acceptance is a new row; a
-- trigger refuses UPDATE, DELETE and TRUNCATE, so the record cannot be rewritten after the fact. The one change it
-- lets through is forgetting the client address (client_address set to NULL, nothing else changed), for the erasure
-- of an account: the proof of consent stays, naming an account id only.
CREATE TABLE privacy_consent (
    id             UUID        PRIMARY KEY,
    account_id     UUID        NOT NULL REFERENCES account (id),
    notice_version TEXT        NOT NULL,
    accepted_at    TIMESTAMPTZ NOT NULL,
    language       TEXT        NOT NULL,
    client_address TEXT,
    UNIQUE (account_id, notice_version)
);

CREATE FUNCTION privacy_consent_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.client_address IS NULL
            AND (NEW.id, NEW.account_id, NEW.notice_version, NEW.accepted_at, NEW.language)
                IS NOT DISTINCT FROM (OLD.id, OLD.account_id, OLD.notice_version, OLD.accepted_at, OLD.language) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'privacy_consent is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER privacy_consent_append_only
    BEFORE UPDATE OR DELETE ON privacy_consent
    FOR EACH ROW EXECUTE FUNCTION privacy_consent_append_only();

CREATE TRIGGER privacy_consent_no_truncate
    BEFORE TRUNCATE ON privacy_consent
    FOR EACH STATEMENT EXECUTE FUNCTION privacy_consent_append_only();
