-- Retention (issue 23, UU PDP 27/2022): when an application reached a final status (its documents are deleted
-- mpaspor.application.retention.documents-after-finish later) and when they were deleted (the record stays).
ALTER TABLE application ADD COLUMN finished_at TIMESTAMPTZ;
ALTER TABLE application ADD COLUMN documents_deleted_at TIMESTAMPTZ;

-- Applications finished before this column existed: when the timeline first recorded the final status, else the
-- cancellation, else the last change.
UPDATE application a SET finished_at = COALESCE(
        (SELECT min(t.recorded_at) FROM timeline_entry t WHERE t.application_id = a.id AND t.status = a.status),
        a.cancelled_at, a.updated_at)
WHERE a.status IN ('DELIVERED', 'REJECTED', 'EXPIRED', 'CANCELLED');

-- what the retention job looks for: finished applications that still have documents, drafts by last change
CREATE INDEX application_documents_due ON application (finished_at)
    WHERE finished_at IS NOT NULL AND documents_deleted_at IS NULL;
CREATE INDEX application_draft_updated ON application (updated_at) WHERE status = 'DRAFT';
CREATE INDEX timeline_entry_application ON timeline_entry (application_id, recorded_at);
