-- Officers can be disabled (no login, sessions ended) and moved to another office by an admin (issue 19).
ALTER TABLE account DROP CONSTRAINT account_status_check;
ALTER TABLE account ADD CONSTRAINT account_status_check
    CHECK (status IN ('PENDING_VERIFICATION', 'ACTIVE', 'DISABLED'));
CREATE INDEX account_officers ON account (office_code) WHERE role = 'OFFICER';

-- Who changed what and when, among the admin's changes to accounts: written in the transaction of the change,
-- beside its event in the outbox (OfficerCreated, OfficerDisabled, OfficerMoved). Read by GET /admin/audit.
CREATE TABLE admin_audit (
    id          UUID        PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor_id    TEXT        NOT NULL,   -- the admin's account id (JWT subject)
    action      TEXT        NOT NULL,   -- the event's name: OfficerCreated, OfficerDisabled, OfficerMoved
    subject_id  TEXT        NOT NULL,   -- the account changed
    office_code TEXT,                   -- the office concerned (after a move: the new one)
    detail      TEXT                    -- e.g. "JKTSEL -> SOETTA"
);
CREATE INDEX admin_audit_at ON admin_audit (at DESC);
