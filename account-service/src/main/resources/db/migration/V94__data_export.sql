-- Data exports (issue 23, UU PDP: access and portability). service/DataExports. One row per request: the record that
-- it was asked, made and downloaded; its content (json, pdf) only until it expires (then NULL, status EXPIRED).
CREATE TABLE data_export (
    id             UUID        PRIMARY KEY,
    account_id     UUID        NOT NULL REFERENCES account (id),
    requested_at   TIMESTAMPTZ NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('PREPARING', 'READY', 'EXPIRED')),
    ready_at       TIMESTAMPTZ,
    expires_at     TIMESTAMPTZ,
    downloaded_at  TIMESTAMPTZ,
    json           TEXT,
    pdf            BYTEA,
    CHECK (status <> 'READY' OR (json IS NOT NULL AND pdf IS NOT NULL AND expires_at IS NOT NULL))
);
-- One export in preparation per account: asking again while it is prepared answers the same one.
CREATE UNIQUE INDEX data_export_preparing ON data_export (account_id) WHERE status = 'PREPARING';
CREATE INDEX data_export_of_account ON data_export (account_id, requested_at DESC);
CREATE INDEX data_export_expiry ON data_export (expires_at) WHERE status = 'READY';

-- Each service's part as it arrived (its *DataExported event), until the export is assembled.
CREATE TABLE data_export_part (
    export_id    UUID        NOT NULL REFERENCES data_export (id),
    service      TEXT        NOT NULL,
    data         TEXT        NOT NULL,            -- JSON: kind -> rows
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (export_id, service)
);
