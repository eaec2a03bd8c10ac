-- SubmissionAdmission counts the submissions still waiting for their billing code, every 100 ms per instance:
-- a small partial index keeps that count cheap (it holds only those rows).
CREATE INDEX application_awaiting_billing ON application (submitted_at)
    WHERE status = 'SUBMITTED' AND billing_code IS NULL;
