package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The applicants of an application changed while it is a draft (created empty, an applicant added, removed, or a
 * NIK corrected). {@code niks} is the whole current list of the application's active applicants' NIKs, so a
 * consumer replaces what it knew (the key is the application id: the events of one application arrive in order).
 * quota-service keeps a projection of it: a hold's NIKs must be applicants of one of the account's applications.
 */
@EventType(service = "application", name = "ApplicantsChanged")
public record ApplicantsChanged(String applicationId, String accountId, List<String> niks, Instant changedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
