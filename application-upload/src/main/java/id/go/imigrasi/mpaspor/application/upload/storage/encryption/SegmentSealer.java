package id.go.imigrasi.mpaspor.application.upload.storage.encryption;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Seals what a PATCH brings, a read at a time, into frames of the document (see {@link DataKey}) written to the
 * store's output. One segment per read of the request body (split at {@link DataKey#MAX_SEGMENT}): what has
 * arrived is sealed and handed to the store before the next read waits for the network, so an interrupted request
 * keeps every byte it delivered, as the plaintext store does. The segment that reaches the upload's length is
 * marked last.
 */
public final class SegmentSealer {

    private final DataKey key;
    private final long end;
    private final OutputStream out;
    private long offset;
    private byte[] frame = new byte[0];
    private byte[] piece = new byte[0];

    /**
     * @param offset the plaintext offset of the first byte written
     * @param end the upload's length: the segment ending there is the last
     */
    public SegmentSealer(DataKey key, long offset, long end, OutputStream out) {
        this.key = key;
        this.offset = offset;
        this.end = end;
        this.out = out;
    }

    /** Seals the first {@code length} bytes of {@code chunk} and writes their frame(s). */
    public void write(byte[] chunk, int length) throws IOException {
        for (int from = 0; from < length; from += DataKey.MAX_SEGMENT) {
            int n = Math.min(DataKey.MAX_SEGMENT, length - from);
            byte[] plaintext = chunk;
            if (from > 0) {
                piece = piece.length >= n ? piece : new byte[n];
                System.arraycopy(chunk, from, piece, 0, n);
                plaintext = piece;
            }
            if (frame.length < DataKey.frameSize(n)) {
                frame = new byte[DataKey.frameSize(n)];
            }
            int size = key.seal(offset, offset + n == end, plaintext, n, frame);
            out.write(frame, 0, size);
            offset += n;
        }
    }
}
