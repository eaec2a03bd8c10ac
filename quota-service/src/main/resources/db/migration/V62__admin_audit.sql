-- Who changed an office's quota settings and when (issue 19): rules, closures, reopenings and releases, written in
-- the change's own transaction. Read by GET /admin/offices/{code}/audit.
CREATE TABLE admin_audit (
    id          UUID        PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    actor_id    TEXT        NOT NULL,   -- the admin's account id (JWT subject)
    office_code TEXT        NOT NULL,
    action      TEXT        NOT NULL,   -- RULES_REPLACED, CLOSED, REOPENED, RELEASED
    detail      TEXT
);
CREATE INDEX admin_audit_office_at ON admin_audit (office_code, at DESC);
