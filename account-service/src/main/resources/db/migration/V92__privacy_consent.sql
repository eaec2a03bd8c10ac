-- Consent to the privacy notice (issue 23, UU PDP 27/2022 art. 20-22): which account accepted which version of the
-- notice, when, in which language, from which client address. Append-only: a newer acceptance is a new row; a
-- trigger refuses UPDATE and DELETE, so the record cannot be rewritten after the fact.
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
    RAISE EXCEPTION 'privacy_consent is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER privacy_consent_append_only
    BEFORE UPDATE OR DELETE ON privacy_consent
    FOR EACH ROW EXECUTE FUNCTION privacy_consent_append_only();

CREATE TRIGGER privacy_consent_no_truncate
    BEFORE TRUNCATE ON privacy_consent
    FOR EACH STATEMENT EXECUTE FUNCTION privacy_consent_append_only();
