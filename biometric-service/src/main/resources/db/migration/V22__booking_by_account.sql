-- Erasure of an account (issue 23, service/AccountErasure) finds its bookings; appointments have their index.
CREATE INDEX booking_account ON booking (account_id) WHERE account_id IS NOT NULL;
