package id.go.imigrasi.mpaspor.application.upload.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.upload.UploadProblem;
import id.go.imigrasi.mpaspor.application.upload.UploadTargets;
import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import id.go.imigrasi.mpaspor.application.upload.domain.Upload;
import id.go.imigrasi.mpaspor.application.upload.domain.UploadStatus;
import id.go.imigrasi.mpaspor.application.upload.repository.UploadRepository;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentUploaded;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The upload use cases that touch the database (reactive, on the Vert.x context): creation, lookup with the
 * ownership rule, termination, and recording progress - the offset advances, and the completion commits
 * together with its DocumentUploaded event (outbox).
 */
@ApplicationScoped
public class UploadService {

    private final UploadRepository uploads;
    private final UploadTargets targets;
    private final UploadStore store;
    private final Outbox outbox;
    private final UploadConfig config;
    private final UploadLocks locks;

    public UploadService(UploadRepository uploads, UploadTargets targets, UploadStore store, Outbox outbox,
            UploadConfig config, UploadLocks locks) {
        this.uploads = uploads;
        this.targets = targets;
        this.store = store;
        this.outbox = outbox;
        this.config = config;
        this.locks = locks;
    }

    /** tus creation: the owner of a draft application opens an upload for one document of one applicant. */
    public Uni<Upload> create(UUID account, NewUpload request) {
        return requireEditable(account, request.applicationId(), request.applicantId()).chain(ignored -> {
            Instant now = Instant.now();
            Upload upload = new Upload();
            upload.id = UUID.randomUUID();
            upload.accountId = account;
            upload.applicationId = request.applicationId();
            upload.applicantId = request.applicantId();
            upload.documentType = request.documentType().name();
            upload.fileName = request.fileName();
            upload.length = request.length();
            upload.offset = 0;
            upload.metadata = request.rawMetadata();
            upload.storageKey = upload.id.toString();
            upload.status = UploadStatus.RECEIVING;
            upload.createdAt = now;
            upload.expiresAt = now.plus(config.expiresAfter());
            return VertxContextSupport.executeBlocking(() -> {
                store.create(upload.storageKey);
                return upload;
            }).chain(created -> Panache.withTransaction(() -> uploads.persist(created).chain(persisted -> {
                if (persisted.length > 0) {
                    return Uni.createFrom().item(persisted);
                }
                // an empty file is complete at once (tus: Upload-Length 0)
                persisted.status = UploadStatus.COMPLETE;
                persisted.completedAt = now;
                persisted.sha256 = sha256Hex(new byte[0]);
                return outbox.append(uploaded(persisted)).replaceWith(persisted);
            })));
        });
    }

    /** The caller's upload; someone else's answers 404 like a missing one, an expired partial one 410. */
    public Uni<Upload> find(UUID account, UUID id) {
        return Panache.withSession(() -> uploads.findById(id)).map(upload -> {
            if (upload == null || !upload.accountId.equals(account)) {
                throw ProblemException.of(UploadProblem.UPLOAD_NOT_FOUND);
            }
            if (upload.isExpiredAt(Instant.now())) {
                throw ProblemException.of(UploadProblem.UPLOAD_EXPIRED);
            }
            return upload;
        });
    }

    /** Uploads are allowed only into the caller's own applications, while they are drafts. */
    public Uni<Void> requireEditable(UUID account, UUID applicationId, UUID applicantId) {
        return targets.resolve(account, applicationId, applicantId).map(target -> switch (target) {
            case EDITABLE -> null;
            case NOT_FOUND -> throw ProblemException.of(UploadProblem.TARGET_NOT_FOUND);
            case NOT_EDITABLE -> throw ProblemException.of(UploadProblem.APPLICATION_NOT_EDITABLE);
        });
    }

    /** tus termination: a partial upload and its bytes are removed; a complete one is a document and stays. */
    public Uni<Void> terminate(UUID account, UUID id) {
        return find(account, id).chain(upload -> {
            if (upload.isComplete()) {
                return Uni.createFrom().failure(ProblemException.of(UploadProblem.UPLOAD_COMPLETE));
            }
            if (!locks.tryLock(id)) {
                return Uni.createFrom().failure(ProblemException.of(UploadProblem.UPLOAD_BUSY));
            }
            return Panache.withTransaction(() -> uploads.deleteReceiving(id))
                    .chain(deleted -> {
                        if (!deleted) {
                            return Uni.createFrom().failure(ProblemException.of(UploadProblem.UPLOAD_COMPLETE));
                        }
                        return VertxContextSupport.executeBlocking(() -> {
                            store.delete(upload.storageKey);
                            return null;
                        }).replaceWithVoid();
                    })
                    .eventually(() -> locks.unlock(id));
        });
    }

    /**
     * Records durably written bytes of a partial upload and moves its deadline; the new deadline, or null when
     * another request moved the offset meanwhile.
     */
    public Uni<Instant> advance(UUID id, long from, long to) {
        Instant expiresAt = Instant.now().plus(config.expiresAfter());
        return Panache.withTransaction(() -> uploads.advance(id, from, to, expiresAt))
                .map(moved -> moved ? expiresAt : null);
    }

    /**
     * The last bytes are durably written: the upload becomes COMPLETE and DocumentUploaded is appended to the
     * outbox in the same transaction, so the event exists exactly when the completion does.
     */
    public Uni<Boolean> complete(Upload upload, long from, String sha256) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> uploads.complete(upload.id, from, upload.length, sha256, now)
                .chain(done -> {
                    if (!done) {
                        return Uni.createFrom().item(false);
                    }
                    upload.status = UploadStatus.COMPLETE;
                    upload.offset = upload.length;
                    upload.sha256 = sha256;
                    upload.completedAt = now;
                    return outbox.append(uploaded(upload)).replaceWith(true);
                }));
    }

    private static DocumentUploaded uploaded(Upload upload) {
        return new DocumentUploaded(upload.id.toString(), upload.applicationId.toString(),
                upload.applicantId.toString(), upload.accountId.toString(), upload.documentType, upload.fileName,
                upload.length, upload.sha256, upload.storageKey, upload.completedAt);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
