package id.go.imigrasi.mpaspor.application.upload;

import io.smallrye.mutiny.Uni;

/**
 * The port through which the applications side erases every upload of an account (issue 23, erasure): the stored bytes
 * first, off the event loop (deleting is idempotent, so a transaction that fails afterwards is simply retried), then
 * the rows, in the caller's transaction. Implemented by
 * {@link id.go.imigrasi.mpaspor.application.upload.service.StoredUploadErasure}.
 */
public interface UploadErasure {

    /** Erases the account's uploads, complete or not; the number of uploads erased. Call inside a transaction. */
    Uni<Integer> eraseAccount(String accountId);
}
