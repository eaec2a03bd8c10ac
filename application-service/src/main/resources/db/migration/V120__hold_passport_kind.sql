-- The passport kind a quota hold was taken for (SlotHeld.passportKind, issue 22): an ELECTRONIC hold's date was
-- checked open to electronic passports, so only it may carry an e-passport applicant. Holds announced before the
-- field existed were all taken as ORDINARY (quota-service's default then).
ALTER TABLE hold ADD COLUMN passport_kind TEXT NOT NULL DEFAULT 'ORDINARY';
