package id.go.imigrasi.mpaspor.application.upload;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The port through which the applications side reads an accepted upload's bytes, to show a document to its owner or to
 * an officer at the desk (who may read is the applications side's rule): the type the validation found by content
 * (never the client's word), the file name the applicant gave, the bytes. Nothing else of an upload leaves this
 * module. Implemented by {@link id.go.imigrasi.mpaspor.application.upload.service.StoredUploadContents}.
 */
public interface UploadContents {

    /** An accepted document's type (image/jpeg, image/png, application/pdf), name and bytes. */
    record Content(String contentType, String fileName, byte[] bytes) {
    }

    /** The content of the upload if it is complete and was accepted; null otherwise. Call inside a session. */
    Uni<Content> accepted(UUID uploadId);
}
