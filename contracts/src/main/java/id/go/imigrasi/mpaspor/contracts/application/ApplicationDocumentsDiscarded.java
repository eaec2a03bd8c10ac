package id.go.imigrasi.mpaspor.contracts.application;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * application-service's retention rules discarded an application's documents for good: {@code reason}
 * {@code FINISHED} (the application finished over the configured time ago) or {@code DRAFT_DELETED} (an untouched
 * draft was deleted with everything). upload-service deletes the application's uploads, rows and stored bytes.
 * Key: the application id.
 */
@EventType(service = "application", name = "ApplicationDocumentsDiscarded", description = "application-service's"
        + " retention discarded the application's documents for good (reason FINISHED: finished long enough ago;"
        + " DRAFT_DELETED: an untouched draft deleted with everything). upload-service deletes its uploads, rows and"
        + " stored bytes. Key: the application id.")
public record ApplicationDocumentsDiscarded(String applicationId, String accountId, String reason,
        Instant discardedAt) implements IntegrationEvent {

    public static final String FINISHED = "FINISHED";
    public static final String DRAFT_DELETED = "DRAFT_DELETED";

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
