package id.go.imigrasi.mpaspor.application.upload.service;

import java.io.InputStream;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.repository.UploadRepository;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The bytes of a judged, accepted upload, for the applications side to show (an officer at the desk, the owner):
 * the type the validation found by content (never the client's word), the file name the applicant gave, the bytes.
 * Nothing else of an upload leaves this module; who may read is the applications side's rule.
 */
@ApplicationScoped
public class UploadContents {

    /** An accepted document's type (image/jpeg, image/png, application/pdf), name and bytes. */
    public record Content(String contentType, String fileName, byte[] bytes) {
    }

    private final UploadRepository uploads;
    private final UploadStore store;

    public UploadContents(UploadRepository uploads, UploadStore store) {
        this.uploads = uploads;
        this.store = store;
    }

    /** The content of the upload if it is complete and was accepted; null otherwise. Call inside a session. */
    public Uni<Content> accepted(UUID uploadId) {
        return uploads.findById(uploadId).chain(upload -> {
            if (upload == null || !upload.isComplete() || !"ACCEPTED".equals(upload.validation)
                    || upload.contentType == null) {
                return Uni.createFrom().nullItem();
            }
            String key = upload.storageKey;
            String type = upload.contentType;
            String name = upload.fileName;
            return VertxContextSupport.executeBlocking(() -> {
                try (InputStream in = store.open(key)) {
                    return new Content(type, name, in.readAllBytes());
                }
            });
        });
    }
}
