package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** The applicant withdrew the application; a hold it referenced is released. */
@EventType(service = "application", name = "ApplicationCancelled")
public record ApplicationCancelled(String applicationId, String accountId, String holdId, String reason,
        Instant cancelledAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
