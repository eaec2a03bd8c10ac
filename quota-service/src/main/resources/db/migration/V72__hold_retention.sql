-- Retention (issue 23, UU PDP 27/2022): the daily job (service.HoldRetention) looks for holds of long-past days
-- that are no longer HELD, to anonymise their NIKs (mpaspor.quota.retention.anonymise-after).
CREATE INDEX hold_past_not_held ON hold (date) WHERE status <> 'HELD';
