package id.go.imigrasi.mpaspor.application.upload.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

/** What the store tests hand a store and read back from it. */
final class StoreFixtures {

    private StoreFixtures() {
    }

    /** A document's bytes as the store's readers get them (decrypted and verified). */
    static byte[] read(UploadStore store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    /** {@code size} random bytes, the same for the same size. */
    static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** A PATCH body: bytes {@code from} to {@code to} of {@code bytes}. */
    static InputStream slice(byte[] bytes, int from, int to) {
        return new ByteArrayInputStream(bytes, from, to - from);
    }

    /** A PATCH body whose connection is reset after {@code at} bytes of {@code bytes}. */
    static InputStream breakingOffAt(byte[] bytes, int at) {
        return new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position == at) {
                    throw new IOException("connection reset by peer");
                }
                return bytes[position++] & 0xFF;
            }
        };
    }
}
