package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * An officer registered a collective batch ("Eazy Passport": a group at a school, company or event) for their office
 * {@code officeCode}, visiting on {@code date} in {@code session} (MORNING or AFTERNOON), and Dukcapil verified
 * {@code members} (the members Dukcapil refused are not in it). quota-service takes one place per member from the
 * office's PRIORITY_WALK_IN line of that date and session, all or none, and answers with one SlotHeld per member
 * (whose {@code accountId} is the member's application id: a batch application belongs to no applicant account) or
 * with one CollectiveBatchRefused. {@code passportKind} (ORDINARY or ELECTRONIC) is the batch's. Key: the batch id.
 */
@EventType(service = "application", name = "CollectiveBatchRegistered")
public record CollectiveBatchRegistered(String batchId, String officeCode, String officerId, LocalDate date,
        String session, String passportKind, List<CollectiveMember> members, Instant registeredAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return batchId;
    }
}
