-- Retention (issue 23, UU PDP 27/2022): when an appointment closed without a passport had its name and NIKs
-- anonymised (service.Retention, mpaspor.biometric.retention.anonymise-after after its day).
ALTER TABLE appointment ADD COLUMN anonymised_at TIMESTAMPTZ;
CREATE INDEX appointment_to_anonymise ON appointment (date)
    WHERE anonymised_at IS NULL AND status IN ('NO_SHOW', 'CANCELLED', 'UNCOLLECTED', 'REJECTED');
