package id.go.imigrasi.mpaspor.application.upload.storage.encryption;

import java.io.IOException;
import java.io.InputStream;

/**
 * The plaintext of an encrypted document, opened a segment at a time (memory: one segment). Every segment must
 * authenticate at the offset reached so far, nothing may follow the last segment, and the stored bytes must not end
 * before it: a changed, moved, dropped or cut segment is a {@link TamperedUploadException}, never silently short or
 * wrong bytes. Reads only complete documents (an upload still receiving has no last segment yet).
 */
final class PlaintextInputStream extends InputStream {

    private final InputStream stored;
    private final DataKey key;
    private long offset;
    private byte[] segment = new byte[0];
    private int position;
    private boolean sawLast;

    PlaintextInputStream(InputStream stored, DataKey key) {
        this.stored = stored;
        this.key = key;
    }

    @Override
    public int read() throws IOException {
        return filled() ? segment[position++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] buffer, int from, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!filled()) {
            return -1;
        }
        int n = Math.min(length, segment.length - position);
        System.arraycopy(segment, position, buffer, from, n);
        position += n;
        return n;
    }

    /** Whether a byte is there to read, opening the next segment when this one is used up. */
    private boolean filled() throws IOException {
        while (position == segment.length) {
            if (!nextSegment()) {
                return false;
            }
        }
        return true;
    }

    private boolean nextSegment() throws IOException {
        DataKey.Frame frame = DataKey.Frame.read(stored);
        if (frame == null) {
            if (!sawLast) {
                throw new TamperedUploadException("the encrypted upload ends at plaintext offset " + offset
                        + " without its last segment (cut short, or not complete)");
            }
            return false;
        }
        if (sawLast) {
            throw new TamperedUploadException("the encrypted upload has bytes after its last segment");
        }
        segment = key.open(frame, offset, stored);
        offset += segment.length;
        position = 0;
        sawLast = frame.last();
        return true;
    }

    @Override
    public void close() throws IOException {
        stored.close();
    }
}
