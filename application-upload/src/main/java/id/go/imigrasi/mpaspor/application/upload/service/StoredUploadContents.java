package id.go.imigrasi.mpaspor.application.upload.service;

import java.io.InputStream;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.UploadContents;
import id.go.imigrasi.mpaspor.application.upload.repository.UploadRepository;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/** The bytes of an accepted upload from the store, its type as the validation recorded it ({@link UploadContents}). */
@ApplicationScoped
public class StoredUploadContents implements UploadContents {

    private final UploadRepository uploads;
    private final UploadStore store;

    public StoredUploadContents(UploadRepository uploads, UploadStore store) {
        this.uploads = uploads;
        this.store = store;
    }

    @Override
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
