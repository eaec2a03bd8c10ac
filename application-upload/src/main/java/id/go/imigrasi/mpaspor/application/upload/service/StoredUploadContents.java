package id.go.imigrasi.mpaspor.application.upload.service;

import java.io.InputStream;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.upload.UploadContents;
import id.go.imigrasi.mpaspor.application.upload.UploadProblem;
import id.go.imigrasi.mpaspor.application.upload.repository.UploadRepository;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.MasterKeys;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.TamperedUploadException;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The bytes of an accepted upload from the store (decrypted and verified as they are read), its type as the
 * validation recorded it ({@link UploadContents}). A document that fails its integrity check at rest, or whose
 * master key is not configured, is not served: the reader gets {@code upload-document-unreadable} (500) and the log
 * an error naming the upload, since it means the storage was changed or a key retired too early.
 */
@ApplicationScoped
public class StoredUploadContents implements UploadContents {

    private static final Logger LOG = Logger.getLogger(StoredUploadContents.class);

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
                } catch (TamperedUploadException | MasterKeys.UnknownMasterKeyException unreadable) {
                    LOG.errorf(unreadable, "upload %s (accepted) cannot be read as stored; not served", uploadId);
                    throw ProblemException.of(UploadProblem.DOCUMENT_UNREADABLE);
                }
            });
        });
    }
}
