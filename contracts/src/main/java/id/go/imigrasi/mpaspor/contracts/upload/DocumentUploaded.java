package id.go.imigrasi.mpaspor.contracts.upload;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * Every byte of an upload is durably stored; the document now waits for asynchronous validation.
 * {@code documentType} is one of the document codes: EKTP, KK, BIRTH_CERTIFICATE, DIPLOMA, MARRIAGE_BOOK,
 * BAPTISM_LETTER, OLD_PASSPORT, NAME_CHANGE_ORDER, FATHER_EKTP, MOTHER_EKTP, PARENTS_MARRIAGE_BOOK,
 * PARENTS_PASSPORT, PARENTAL_STATEMENT (the matrix of DOMAIN.md). {@code storageKey}
 * locates the bytes in the upload store; {@code sha256} is hex of the whole file. The key is the upload id,
 * so the later DocumentAccepted or DocumentRejected of the same upload follows it in order.
 */
@EventType(service = "upload", name = "DocumentUploaded")
public record DocumentUploaded(String uploadId, String applicationId, String applicantId, String accountId,
        String documentType, String fileName, long size, String sha256, String storageKey, Instant uploadedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return uploadId;
    }
}
