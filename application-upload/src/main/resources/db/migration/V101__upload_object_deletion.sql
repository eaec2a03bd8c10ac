-- Documents deleted for good (issue 23, retention): the upload row is deleted and its storage key queued here in one
-- transaction; the bytes are removed from the store after it commits, and the key leaves the queue only once the
-- store confirmed. So no upload row ever points to missing bytes, and a crash between the two leaves the key here
-- for the next run (a lease, lease_until, lets a run on another instance take over a crashed run's keys).
CREATE TABLE upload_object_deletion (
    storage_key      text        PRIMARY KEY,
    upload_id        uuid        NOT NULL,
    queued_at        timestamptz NOT NULL,
    lease_until      timestamptz
);
CREATE INDEX upload_object_deletion_due ON upload_object_deletion (queued_at);

-- the retention job finds the uploads of an application
CREATE INDEX upload_application ON upload (application_id);
