-- Erasure of an account (issue 23, service/AccountErasure) finds all its holds, finished ones included; the other
-- account indexes cover active holds only. applicant_wait and waiting_room_entry are found by their primary keys'
-- leading account_id or are small.
CREATE INDEX hold_of_account ON hold (account_id);
CREATE INDEX waiting_room_entry_account ON waiting_room_entry (account_id);
CREATE INDEX application_applicants_account ON application_applicants (account_id);
