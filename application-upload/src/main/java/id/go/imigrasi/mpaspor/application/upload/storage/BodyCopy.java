package id.go.imigrasi.mpaspor.application.upload.storage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A PATCH body streamed into a store a buffer at a time (never whole in memory): every read goes to the store's
 * writer (plaintext, or sealed into a segment) before the next read, and into the checksum digest, which is always
 * over the plaintext (tus {@code Upload-Checksum}). Stops at {@code maxBytes} (the rest of the upload) or the body's
 * end. A body that breaks off is answered, not thrown, so that the store first makes durable what arrived.
 */
final class BodyCopy {

    private BodyCopy() {
    }

    /** Where the bytes go: the first {@code length} bytes of {@code chunk}. */
    @FunctionalInterface
    interface ChunkWriter {
        void write(byte[] chunk, int length) throws IOException;
    }

    /** Plaintext bytes handed to the writer, and the failure of the body if it broke off. */
    record Copied(long written, IOException broken) {
    }

    static Copied copy(InputStream body, long maxBytes, int bufferSize, MessageDigest digest, ChunkWriter writer)
            throws IOException {
        byte[] buffer = new byte[bufferSize];
        long written = 0;
        while (written < maxBytes) {
            int read;
            try {
                read = body.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - written));
            } catch (IOException brokenBody) {
                return new Copied(written, brokenBody);
            }
            if (read < 0) {
                break;
            }
            writer.write(buffer, read);
            if (digest != null) {
                digest.update(buffer, 0, read);
            }
            written += read;
        }
        return new Copied(written, null);
    }
}
