package id.go.imigrasi.mpaspor.application.upload;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The port through which uploads ask the applications side whether a document may be uploaded: does this
 * account own the application, does the applicant belong to it, and is the application still editable? In
 * production {@link id.go.imigrasi.mpaspor.application.upload.repository.SqlUploadTargets} reads the
 * {@code application} and {@code applicant} tables (read-only).
 */
public interface UploadTargets {

    Uni<Target> resolve(UUID accountId, UUID applicationId, UUID applicantId);

    enum Target {
        /** Found, the caller's, and a draft: uploads are allowed. */
        EDITABLE,
        /** No such application or applicant, or not the caller's. */
        NOT_FOUND,
        /** The caller's, but no longer a draft. */
        NOT_EDITABLE
    }
}
