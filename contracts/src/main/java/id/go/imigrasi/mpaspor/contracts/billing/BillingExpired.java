package id.go.imigrasi.mpaspor.contracts.billing;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** The deadline passed unpaid: the hold is released and the applicant starts again. */
@EventType(service = "billing", name = "BillingExpired")
public record BillingExpired(String applicationId, String holdId, String billingCode, Instant expiredAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
