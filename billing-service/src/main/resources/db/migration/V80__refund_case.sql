-- Refunds (issue 22, "money after the fact"): every payment billing cannot keep gets one refund case, which finance
-- approves or rejects and the payout job pays back through the channel the money came from.

-- The appointment date the application was billed for (ApplicationSubmitted): the cancellation rule
-- (domain/CancellationRefundPolicy) refunds a paid application cancelled before that day. Null for older bills.
ALTER TABLE bill ADD COLUMN appointment_date DATE;

CREATE TABLE refund_case (
    id                  UUID        PRIMARY KEY,              -- also the idempotency key at the channel
    payment_id          UUID        NOT NULL UNIQUE REFERENCES payment (id), -- one case per payment, ever
    bill_id             UUID        NOT NULL REFERENCES bill (id),
    billing_code        CHAR(15)    NOT NULL,
    application_id      TEXT        NOT NULL,
    account_id          TEXT        NOT NULL,                 -- the owner: the applicant sees their own cases
    channel             TEXT        NOT NULL,                 -- paid back where the money came from
    channel_reference   TEXT        NOT NULL,
    amount              BIGINT      NOT NULL CHECK (amount > 0), -- whole rupiah
    reason              TEXT        NOT NULL CHECK (reason IN ('LATE', 'ALREADY_PAID', 'CANCELLED',
                                                               'CANCELLED_AFTER_PAYMENT')),
    state               TEXT        NOT NULL CHECK (state IN ('REQUESTED', 'APPROVED', 'PAID', 'REJECTED')),
    requested_at        TIMESTAMPTZ NOT NULL,
    -- finance's decision (audit: who and when)
    decided_by          TEXT,
    decided_at          TIMESTAMPTZ,
    rejection_reason    TEXT,
    -- the payout
    attempts            INT         NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMPTZ,                          -- an approved case is not tried again before this
    last_error          TEXT,
    refund_reference    TEXT,                                 -- the channel's reference of the refund
    paid_at             TIMESTAMPTZ,
    CHECK (state = 'REQUESTED' OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
    CHECK ((state = 'REJECTED') = (rejection_reason IS NOT NULL)),
    CHECK ((state = 'PAID') = (refund_reference IS NOT NULL AND paid_at IS NOT NULL))
);

-- The payout job claims approved cases whose next attempt is due.
CREATE INDEX refund_case_due ON refund_case (next_attempt_at) WHERE state = 'APPROVED';
CREATE INDEX refund_case_bill ON refund_case (bill_id);
CREATE INDEX refund_case_requested ON refund_case (requested_at);
