package id.go.imigrasi.mpaspor.application.upload;

import java.util.Collection;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The port through which the applications side deletes documents for good (its retention rules decide which):
 * the upload rows in its transaction, the stored bytes after it commits. Implemented by
 * {@link id.go.imigrasi.mpaspor.application.upload.service.DocumentDeletions}.
 */
public interface UploadDeletions {

    /**
     * Inside the caller's transaction: deletes every upload of these applications and queues their bytes for
     * {@link #deleteQueuedObjects}. The number of uploads deleted.
     */
    Uni<Integer> deleteOfApplications(Collection<UUID> applicationIds);

    /**
     * Outside any transaction, after the deleting transactions committed: deletes the queued bytes from the store,
     * including those an earlier, failed run left. The number of stored objects deleted by this call.
     */
    Uni<Integer> deleteQueuedObjects();
}
