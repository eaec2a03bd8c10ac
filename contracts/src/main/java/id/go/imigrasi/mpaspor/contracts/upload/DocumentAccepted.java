package id.go.imigrasi.mpaspor.contracts.upload;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** The uploaded file passed validation (type by content, size, image dimensions or PDF page count). */
@EventType(service = "upload", name = "DocumentAccepted")
public record DocumentAccepted(String uploadId, String applicationId, String applicantId, String documentType,
        String contentType, Instant acceptedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return uploadId;
    }
}
