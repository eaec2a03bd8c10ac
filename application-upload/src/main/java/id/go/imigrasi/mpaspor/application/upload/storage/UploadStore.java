package id.go.imigrasi.mpaspor.application.upload.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Where the bytes of uploads live. Implementations are blocking (called on worker threads only) and must make
 * every byte they report as written durable (forced to disk, or acknowledged by the object store) before they
 * return: the caller advances the offset stored in PostgreSQL to what they report, and nothing beyond it.
 */
public interface UploadStore {

    /** Creates the empty object of a new upload. */
    void create(String key) throws IOException;

    /**
     * Appends bytes from {@code body} at {@code offset}, reading at most {@code maxBytes} (the rest of the
     * upload). Whatever the store holds beyond {@code offset} (left by an earlier, interrupted request) is
     * discarded first. {@code digest}, when given, is updated with every byte written.
     *
     * @return the bytes durably written; when {@code body} fails midway (the client went away), the
     *         {@link Interrupted} exception carries the count of what was durably written before it.
     */
    long append(String key, long offset, InputStream body, long maxBytes, MessageDigest digest)
            throws IOException, Interrupted;

    /** Cuts the object back to {@code length} bytes (a chunk whose checksum did not match is discarded). */
    void truncate(String key, long length) throws IOException;

    /** Reads the whole object; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    /** Removes the object; no failure when it does not exist. */
    void delete(String key) throws IOException;

    /** The request body broke off after {@code written} bytes had been durably written. */
    final class Interrupted extends Exception {
        private final long written;

        public Interrupted(long written, Throwable cause) {
            super("request body broke off after " + written + " bytes", cause);
            this.written = written;
        }

        public long written() {
            return written;
        }
    }
}
