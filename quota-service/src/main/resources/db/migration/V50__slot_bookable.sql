-- "A slot is bookable": the no-overbooking rule in SQL, written ONCE. Every statement that takes places or decides
-- whether a slot can be taken calls it (the hold statement SlotTaker.TAKE_BATCH, the reschedule's
-- CapacityRepository.TAKE, the pgbench baselines in quota-service/bench), and the CHECK that backs it up uses its
-- arithmetic. Its Java twin, which words the answers and the calendar, is Capacity.bookability
-- (domain/Capacity.java); BookabilityAgreementTest evaluates both on the same rows and fails if they ever differ.
--
-- slot_fits(capacity, held, places): `places` more still fit in the row. IMMUTABLE, so a CHECK may call it.
-- slot_bookable(c, places, electronic): the capacity row c
--   - is open: not closed by an admin, and has places at all (a row of capacity 0 is a closed day);
--   - is released: release_at <= now() (the transaction's start: one instant for the whole statement);
--   - has room: slot_fits(capacity, held, places);
--   - takes this passport kind: an electronic-passport request also needs the date open to e-passports (blank
--     e-passport books run out per office and day).
-- Why it cannot overbook: a statement takes places only with `UPDATE ... WHERE slot_bookable(c, places, ...)` or
-- after `SELECT ... WHERE slot_bookable(c, 0, false) FOR UPDATE` (then it adds at most what slot_fits allows on the
-- locked version). PostgreSQL locks the row and re-evaluates the condition on the latest committed version before
-- acting, so concurrent statements and instances see each other's places; no JVM lock decides anything. The CHECK
-- capacity_never_exceeded is the last line of defence: whatever a future statement forgets, held never passes
-- capacity.
-- Both functions are single SQL expressions (LANGUAGE sql, one SELECT, not STRICT, no SET): the planner inlines them
-- into the calling statement, so they cost nothing over the expression written out by hand.
CREATE FUNCTION slot_fits(capacity integer, held integer, places integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT held + places <= capacity $$;

CREATE FUNCTION slot_bookable(c capacity, places integer, electronic boolean) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NOT c.closed AND c.capacity > 0 AND c.release_at <= now() AND slot_fits(c.capacity, c.held, places)
              AND (NOT electronic OR NOT c.e_passport_closed) $$;

ALTER TABLE capacity DROP CONSTRAINT capacity_never_exceeded,
    ADD CONSTRAINT capacity_never_exceeded CHECK (held >= 0 AND slot_fits(capacity, held, 0));
