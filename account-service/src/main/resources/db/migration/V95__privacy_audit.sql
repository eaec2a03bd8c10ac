-- The audit of a person's rights being exercised (issue 23): every erasure request, refusal and erasure, every export
-- asked for, made ready, downloaded and expired, with when and why. Append-only: a trigger refuses UPDATE, DELETE and
-- TRUNCATE, so the record cannot be rewritten. It names an account id only (no address, no name), so it stays after
-- the account is erased, as the proof that the request was honoured.
CREATE TABLE privacy_audit (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    account_id  UUID        NOT NULL,
    action      TEXT        NOT NULL CHECK (action IN ('ERASURE_REQUESTED', 'ERASURE_REFUSED', 'ACCOUNT_ERASED',
                                                       'EXPORT_REQUESTED', 'EXPORT_READY', 'EXPORT_DOWNLOADED',
                                                       'EXPORTS_EXPIRED')),
    actor       TEXT        NOT NULL,            -- who: the account holder, a service (its confirmation), the system
    detail      TEXT        NOT NULL DEFAULT ''  -- why / what: the applications in progress, the file, the counts
);
CREATE INDEX privacy_audit_of_account ON privacy_audit (account_id, at);

CREATE FUNCTION privacy_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'privacy_audit is append-only';
END;
$$;
CREATE TRIGGER privacy_audit_no_change BEFORE UPDATE OR DELETE ON privacy_audit
    FOR EACH ROW EXECUTE FUNCTION privacy_audit_append_only();
CREATE TRIGGER privacy_audit_no_truncate BEFORE TRUNCATE ON privacy_audit
    FOR EACH STATEMENT EXECUTE FUNCTION privacy_audit_append_only();
