package id.go.imigrasi.mpaspor.upload.bench;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A client's "file": {@code length} pseudo-random bytes from a seed, produced as a stream so a thousand clients
 * do not hold a thousand files in memory or on the disk the server writes to. The same seed gives the same bytes.
 */
final class GeneratedContent {

    private static final int BLOCK = 8192;

    private final long seed;
    private final long length;

    GeneratedContent(long seed, long length) {
        this.seed = seed;
        this.length = length;
    }

    long length() {
        return length;
    }

    InputStream open() {
        return new InputStream() {
            private final SplittableRandom random = new SplittableRandom(seed);
            private final byte[] block = new byte[BLOCK];
            private int blockPos = BLOCK;
            private long remaining = length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (remaining == 0) {
                    return -1;
                }
                if (blockPos == BLOCK) {
                    random.nextBytes(block);
                    blockPos = 0;
                }
                int n = (int) Math.min(Math.min(len, BLOCK - blockPos), remaining);
                System.arraycopy(block, blockPos, b, off, n);
                blockPos += n;
                remaining -= n;
                return n;
            }
        };
    }

    String sha256Hex() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = open()) {
                byte[] buf = new byte[BLOCK];
                int n;
                while ((n = in.read(buf, 0, buf.length)) > 0) {
                    digest.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
