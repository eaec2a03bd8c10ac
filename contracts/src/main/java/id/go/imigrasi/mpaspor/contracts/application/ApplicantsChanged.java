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
 * {@code applicantIds} are the same active applicants' ids, in the same order; {@code draft} says whether the
 * application is still a draft whose documents may change (false once it finished or was deleted, when the lists are
 * empty). upload-service keeps a projection of both: who may upload a document for which applicant. Events published
 * before these two fields existed carry neither (read as no applicants, and as a draft).
 */
@EventType(service = "application", name = "ApplicantsChanged")
public record ApplicantsChanged(String applicationId, String accountId, List<String> niks, Instant changedAt,
        List<String> applicantIds, Boolean draft) implements IntegrationEvent {

    /** The applicants' ids, never null (empty in events published before the field existed). */
    public List<String> applicantIdsOrNone() {
        return applicantIds == null ? List.of() : applicantIds;
    }

    /** Whether the application's documents may still change (events published before the field existed: yes). */
    public boolean isDraft() {
        return draft == null || draft;
    }

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
