package id.go.imigrasi.mpaspor.contracts.upload;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * The uploaded file failed validation. {@code reasonCode} is stable for machines (e.g. {@code wrong-type},
 * {@code too-large}, {@code too-small-image}, {@code corrupt}, {@code too-many-pages}); the two texts are for
 * the applicant, in Bahasa Indonesia and English.
 */
@EventType(service = "upload", name = "DocumentRejected")
public record DocumentRejected(String uploadId, String applicationId, String applicantId, String documentType,
        String reasonCode, String reasonId, String reasonEn, Instant rejectedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return uploadId;
    }
}
