package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The owner of {@code nik} proved it is theirs (a code sent to the mobile number Dukcapil registered for it) while
 * another account's draft {@code applicationId} held it: that draft lost its applicant {@code applicantId}, and the
 * NIK is free for the owner. A hold that still names the NIK for {@code accountId} (the draft's account) no longer
 * stands for an applicant of it.
 */
@EventType(service = "application", name = "ApplicantNikClaimed")
public record ApplicantNikClaimed(String applicationId, String accountId, String applicantId, String nik,
        Instant claimedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
