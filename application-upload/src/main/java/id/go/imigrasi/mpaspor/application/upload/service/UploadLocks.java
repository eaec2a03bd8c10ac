package id.go.imigrasi.mpaspor.application.upload.service;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One writer per upload on this instance: a second PATCH (or a DELETE) of an upload that is being written is
 * refused at once (409) instead of interleaving bytes. Across instances the conditional offset update in the
 * database refuses the loser; with the filesystem store an upload's requests go to one instance (sticky by
 * upload id at the gateway), with an object store every part is separate anyway.
 */
@ApplicationScoped
public class UploadLocks {

    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();

    public boolean tryLock(UUID id) {
        return busy.add(id);
    }

    public void unlock(UUID id) {
        busy.remove(id);
    }
}
