-- The desk search (issue 22, DeskQuery): an office's appointments by NIK and by passport number; names are matched
-- with LIKE within the office's rows (booking codes already have their unique index).
CREATE INDEX appointment_office_nik ON appointment (office_code, nik);
CREATE INDEX appointment_office_passport ON appointment (office_code, passport_number) WHERE passport_number IS NOT NULL;
