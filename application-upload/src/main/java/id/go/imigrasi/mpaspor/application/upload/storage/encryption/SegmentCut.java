package id.go.imigrasi.mpaspor.application.upload.storage.encryption;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where an encrypted document is cut back to a plaintext length (a discarded chunk, a leftover of a broken request):
 * the stored position of the first frame to drop, and, when the length falls inside a segment, that segment's
 * kept beginning sealed again as a segment of its own (fresh nonce, not last). Tus offsets stay plaintext offsets;
 * a cut at a frame boundary (the usual case: every PATCH starts one) rewrites nothing.
 *
 * @param position stored position where the kept frames end
 * @param resealed the frame to write at {@code position}, or null
 */
public record SegmentCut(long position, byte[] resealed) {

    /** Stored position where the document ends after the cut. */
    public long end() {
        return position + (resealed == null ? 0 : resealed.length);
    }

    /**
     * Walks the frames of {@code frames} (positioned at stored {@code position}, plaintext {@code plainStart})
     * up to plaintext {@code target}.
     *
     * @throws TamperedUploadException when the stored bytes end before {@code target} or a frame is malformed
     */
    public static SegmentCut find(InputStream frames, long position, long plainStart, long target, DataKey key)
            throws IOException {
        long stored = position;
        long plain = plainStart;
        while (plain < target) {
            DataKey.Frame frame = DataKey.Frame.read(frames);
            if (frame == null) {
                throw new TamperedUploadException("the encrypted upload ends at plaintext offset " + plain
                        + ", before " + target);
            }
            if (plain + frame.length() > target) {
                byte[] kept = key.open(frame, plain, frames);
                int length = (int) (target - plain);
                byte[] resealed = new byte[DataKey.frameSize(length)];
                key.seal(plain, false, kept, length, resealed);
                return new SegmentCut(stored, resealed);
            }
            frame.skipSealed(frames);
            stored += frame.storedSize();
            plain += frame.length();
        }
        return new SegmentCut(stored, null);
    }
}
