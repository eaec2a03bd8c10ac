-- Notification preferences (issue 22): the channels the holder wants (EMAIL, SMS, WHATSAPP; comma-separated, in that
-- order, never empty) and when their mobile number was proven with a code sent to it. A text goes only to a proven
-- number: SMS and WHATSAPP need phone_verified_at.
ALTER TABLE account
    ADD COLUMN phone_verified_at TIMESTAMPTZ,
    ADD COLUMN notify_channels   TEXT NOT NULL DEFAULT 'EMAIL'
        CHECK (notify_channels ~ '^(EMAIL|SMS|WHATSAPP)(,(EMAIL|SMS|WHATSAPP))*$'),
    ADD CONSTRAINT texts_need_a_proven_phone
        CHECK (notify_channels = 'EMAIL' OR phone_verified_at IS NOT NULL);

-- A code that proves a mobile number is bound to the number it was sent to (otp.target): the number becomes the
-- account's only when that code comes back.
ALTER TABLE otp ADD COLUMN target TEXT;
ALTER TABLE otp DROP CONSTRAINT otp_purpose_check;
ALTER TABLE otp ADD CONSTRAINT otp_purpose_check CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'VERIFY_PHONE'));
ALTER TABLE otp_guard DROP CONSTRAINT otp_guard_purpose_check;
ALTER TABLE otp_guard ADD CONSTRAINT otp_guard_purpose_check
    CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD', 'VERIFY_PHONE'));
