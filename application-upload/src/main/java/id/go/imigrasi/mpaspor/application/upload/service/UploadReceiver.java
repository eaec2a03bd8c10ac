package id.go.imigrasi.mpaspor.application.upload.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.upload.UploadProblem;
import id.go.imigrasi.mpaspor.application.upload.domain.Checksum;
import id.go.imigrasi.mpaspor.application.upload.domain.Upload;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * A tus PATCH, on a worker thread: the body streams from the connection into the store (a buffer at a time,
 * never whole in memory), is forced to disk, and only then does the offset in PostgreSQL advance - to exactly
 * what was durably written. A body that breaks off keeps its bytes (without a checksum); a body whose checksum
 * does not match is cut away again and answered 460.
 */
@ApplicationScoped
public class UploadReceiver {

    private static final Logger LOG = Logger.getLogger(UploadReceiver.class);

    private final UploadService uploads;
    private final UploadStore store;
    private final UploadLocks locks;

    public UploadReceiver(UploadService uploads, UploadStore store, UploadLocks locks) {
        this.uploads = uploads;
        this.store = store;
        this.locks = locks;
    }

    /** What the client learns: the new offset, and the deadline of a partial upload. */
    public record Progress(long offset, Instant expiresAt, boolean complete) {
    }

    /**
     * @param contentLength the declared body size, or -1 for a chunked body
     * @param checksum null without {@code Upload-Checksum}
     */
    public Progress patch(UUID account, UUID id, long clientOffset, long contentLength, Checksum checksum,
            InputStream body) {
        Upload upload = await(() -> uploads.find(account, id));
        if (upload.isComplete()) {
            if (clientOffset == upload.length && contentLength <= 0) {
                return new Progress(upload.length, null, true);
            }
            throw ProblemException.of(UploadProblem.UPLOAD_COMPLETE);
        }
        if (clientOffset != upload.offset) {
            throw ProblemException.of(UploadProblem.OFFSET_MISMATCH, upload.offset);
        }
        long remaining = upload.length - upload.offset;
        if (contentLength > remaining) {
            throw ProblemException.of(UploadProblem.EXCEEDS_LENGTH, upload.length);
        }
        if (!locks.tryLock(id)) {
            throw ProblemException.of(UploadProblem.UPLOAD_BUSY);
        }
        try {
            return receive(upload, checksum, body, remaining);
        } finally {
            locks.unlock(id);
        }
    }

    private Progress receive(Upload upload, Checksum checksum, InputStream body, long remaining) {
        long from = upload.offset;
        MessageDigest digest = checksum == null ? null : checksum.newDigest();
        long written;
        try {
            written = store.append(upload.storageKey, from, body, remaining, digest);
            if (written == remaining && body.read() >= 0) {
                store.truncate(upload.storageKey, from);
                throw ProblemException.of(UploadProblem.EXCEEDS_LENGTH, upload.length);
            }
        } catch (UploadStore.Interrupted broken) {
            return interrupted(upload, checksum, broken);
        } catch (IOException e) {
            throw new UncheckedIOException("upload " + upload.id + " could not be stored", e);
        }
        if (checksum != null && !checksum.matches(digest.digest())) {
            discard(upload, from);
            throw ProblemException.of(UploadProblem.CHECKSUM_MISMATCH, checksum.algorithm());
        }
        return record(upload, from, from + written);
    }

    /** The client went away mid-body: without a checksum its bytes count, with one they cannot be trusted. */
    private Progress interrupted(Upload upload, Checksum checksum, UploadStore.Interrupted broken) {
        long from = upload.offset;
        if (checksum != null) {
            discard(upload, from);
        } else if (broken.written() > 0) {
            Progress progress = record(upload, from, from + broken.written());
            LOG.debugf("upload %s: request broke off, kept %d bytes (offset %d)", upload.id, broken.written(),
                    progress.offset());
        }
        throw ProblemException.of(CommonProblem.MALFORMED_REQUEST);
    }

    private Progress record(Upload upload, long from, long to) {
        if (to == upload.length) {
            try {
                // checked when the bytes would become a document, not per chunk (one round trip less per PATCH):
                // the last chunk into an application that is no longer a draft is cut away again, 409
                requireEditable(upload);
            } catch (ProblemException notEditable) {
                discard(upload, from);
                throw notEditable;
            }
            String sha256 = sha256Of(upload.storageKey);
            if (!await(() -> uploads.complete(upload, from, sha256))) {
                throw ProblemException.of(UploadProblem.UPLOAD_BUSY);
            }
            return new Progress(to, null, true);
        }
        if (to == from) {
            return new Progress(to, upload.expiresAt, false);
        }
        Instant expiresAt = await(() -> uploads.advance(upload.id, from, to));
        if (expiresAt == null) {
            throw ProblemException.of(UploadProblem.UPLOAD_BUSY);
        }
        upload.offset = to;
        return new Progress(to, expiresAt, false);
    }

    private void requireEditable(Upload upload) {
        await(() -> uploads.requireEditable(upload.accountId, upload.applicationId, upload.applicantId));
    }

    private void discard(Upload upload, long from) {
        try {
            store.truncate(upload.storageKey, from);
        } catch (IOException e) {
            // the next PATCH truncates to the stored offset anyway
            LOG.warnf(e, "upload %s: could not cut back to %d", upload.id, from);
        }
    }

    private String sha256Of(String key) {
        try (InputStream in = store.open(key)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs reactive (Hibernate Reactive) work on a Vert.x context and waits for it on this worker thread. */
    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
