-- The desk's audit (issue 19): every officer's or admin's action on an appointment (check-in, interview, capture,
-- finger exception, decision, issuance, handover, a read of the biometric results), written by service.OfficerActions
-- in the action's own transaction. It names the officer, the office and the appointment, never the applicant (no NIK,
-- no name, no booking code, no passport number): detail is short (a decision's reason, a finger and its exception,
-- a score). No foreign key to appointment: the row outlives the appointment's erasure.
--
-- Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. The one change it lets through is the account erasure's
-- (service.AccountErasure): detail emptied, nothing else changed, since a reason an officer typed may name the person.
CREATE TABLE officer_action (
    id              BIGSERIAL   PRIMARY KEY,
    at              TIMESTAMPTZ NOT NULL,
    officer_id      TEXT        NOT NULL,
    office_code     TEXT        NOT NULL,
    action          TEXT        NOT NULL CHECK (action IN ('CHECKED_IN', 'INTERVIEW_VERIFIED', 'INTERVIEW_REJECTED',
                                    'FACE_CAPTURED', 'FINGERS_CAPTURED', 'FINGER_EXCEPTION', 'APPROVED', 'REJECTED',
                                    'PASSPORT_ISSUED', 'PASSPORT_COLLECTED', 'HANDED_TO_POS', 'RESULTS_READ')),
    appointment_id  UUID        NOT NULL,
    detail          TEXT        NOT NULL DEFAULT ''
);
-- the admin's view: one office, newest first, paged by id
CREATE INDEX officer_action_of_office ON officer_action (office_code, at DESC, id DESC);
CREATE INDEX officer_action_of_appointment ON officer_action (appointment_id);

CREATE FUNCTION officer_action_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.detail = ''
            AND (NEW.id, NEW.at, NEW.officer_id, NEW.office_code, NEW.action, NEW.appointment_id)
                IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.officer_id, OLD.office_code, OLD.action, OLD.appointment_id) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'officer_action is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER officer_action_append_only BEFORE UPDATE OR DELETE ON officer_action
    FOR EACH ROW EXECUTE FUNCTION officer_action_append_only();
CREATE TRIGGER officer_action_no_truncate BEFORE TRUNCATE ON officer_action
    FOR EACH STATEMENT EXECUTE FUNCTION officer_action_append_only();

-- the reads recorded before this table (results_read, V24) are the first of its rows
INSERT INTO officer_action (at, officer_id, office_code, action, appointment_id)
    SELECT first_read_at, officer_id, office_code, 'RESULTS_READ', appointment_id FROM results_read
    ORDER BY first_read_at;
