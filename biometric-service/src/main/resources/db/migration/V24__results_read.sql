-- Read audit (issue 23): which officer opened which applicant's biometric results, on which day (office time), first
-- at what time. One row per officer, appointment and day: the BiometricResultsRead event goes out when the row is new.
CREATE TABLE results_read (
    appointment_id  UUID        NOT NULL REFERENCES appointment (id),
    officer_id      TEXT        NOT NULL,
    office_code     TEXT        NOT NULL,
    day             DATE        NOT NULL,
    first_read_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (appointment_id, officer_id, day)
);
