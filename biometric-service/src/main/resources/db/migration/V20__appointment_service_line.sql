-- The service line an appointment was booked and paid on, and when it was paid (issue 22): a same-day (SAME_DAY)
-- approval is ready that day when paid and approved before the office's cutoff (ReadyDates). Appointments made
-- before this were all regular: their ready date was already promised.
ALTER TABLE appointment ADD COLUMN service TEXT NOT NULL DEFAULT 'REGULAR';
ALTER TABLE appointment ADD COLUMN paid_at TIMESTAMPTZ;
