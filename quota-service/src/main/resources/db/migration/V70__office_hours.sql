-- Opening hours of each office (issue 16): per ISO weekday (1 = Monday) one or more intervals in the office's local
-- time (its zone_id). A day without a row is closed. Several intervals a day are allowed: on Friday the counters
-- close for the Friday prayer (Salat Jumat).
CREATE TABLE office_hours (
    office_code TEXT     NOT NULL REFERENCES office (code),
    weekday     SMALLINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens       TIME     NOT NULL,
    closes      TIME     NOT NULL,
    CONSTRAINT office_hours_closes_after_opens CHECK (closes > opens),
    PRIMARY KEY (office_code, weekday, opens)
);

-- Every office of V2: Monday to Thursday 08:00-16:00; Friday 08:00-11:30 and 13:00-16:00 (the prayer break).
INSERT INTO office_hours (office_code, weekday, opens, closes)
SELECT o.code, h.weekday, h.opens, h.closes
FROM office o
CROSS JOIN (VALUES (1, TIME '08:00', TIME '16:00'),
                   (2, TIME '08:00', TIME '16:00'),
                   (3, TIME '08:00', TIME '16:00'),
                   (4, TIME '08:00', TIME '16:00'),
                   (5, TIME '08:00', TIME '11:30'),
                   (5, TIME '13:00', TIME '16:00')) AS h(weekday, opens, closes);

-- The big offices also open on Saturday morning ("layanan akhir pekan", walk-in and pick-up).
INSERT INTO office_hours (office_code, weekday, opens, closes)
SELECT code, 6, TIME '08:00', TIME '12:00'
FROM office
WHERE code IN ('JKTSEL', 'JKTPUS', 'SBY', 'MDN', 'MKS');
