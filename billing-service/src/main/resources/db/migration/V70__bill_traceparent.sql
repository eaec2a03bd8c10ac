-- One saga, one trace (issue 18): the trace the bill was issued in (that of the ApplicationSubmitted it answers).
-- A payment callback or the expiry job, which no saga request started, continues it, so BillingPaid and
-- BillingExpired, and what quota and biometric do with them, stay in the application's trace.
ALTER TABLE bill ADD COLUMN traceparent TEXT;
