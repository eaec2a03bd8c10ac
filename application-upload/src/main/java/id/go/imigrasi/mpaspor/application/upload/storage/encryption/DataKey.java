package id.go.imigrasi.mpaspor.application.upload.storage.encryption;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * One document's data key (AES-256), with which its segments are sealed and opened (AES/GCM/NoPadding, JCE).
 * A segment is stored as a frame:
 *
 * <pre>
 * flags        1 byte   bit 0: the document's last segment; other bits 0
 * length       4 bytes  plaintext bytes in the segment, 1..{@value #MAX_SEGMENT}
 * nonce       12 bytes  random, fresh for every seal
 * ciphertext   length bytes, then the 16-byte GCM tag
 * associated data: the document header, the segment's plaintext offset (8 bytes), flags, length
 * </pre>
 *
 * Why so: a tus upload grows over several PATCH requests, any of which may break off, and one GCM stream cannot be
 * continued across requests, so every piece written is sealed on its own. Binding the plaintext offset makes a
 * reordered, dropped or duplicated segment fail (the reader checks each against the bytes read so far, as Tink's
 * streaming AEAD binds a segment number); the last-segment flag makes a document cut after a whole segment fail; the
 * header binds the segments to their document. The nonce is random rather than derived from a counter (as in Tink
 * and age) because a segment of an unfinished upload is rewritten when a chunk is discarded (checksum mismatch,
 * leftover of a broken request): a counter would repeat a nonce under the same key, which GCM does not survive.
 * Random 96-bit nonces are safe far beyond the few thousand segments a document has (NIST SP 800-38D: 2^32).
 * Not thread-safe: one instance serves one request.
 */
public final class DataKey {

    /** The largest segment a reader accepts (a corrupted length field cannot make it allocate more). */
    public static final int MAX_SEGMENT = 1 << 20;
    static final int FRAME_HEADER = 1 + 4 + DocumentHeader.NONCE_BYTES;
    static final int TAG_BYTES = 16;
    private static final int LAST = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;
    private final DocumentHeader header;
    private final Cipher cipher;

    DataKey(SecretKey key, DocumentHeader header) {
        this.key = key;
        this.header = header;
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is missing from this JDK", e);
        }
    }

    /** The header to store at the start of the document. */
    public DocumentHeader header() {
        return header;
    }

    /** The stored size of a frame holding {@code length} plaintext bytes. */
    public static int frameSize(int length) {
        return FRAME_HEADER + length + TAG_BYTES;
    }

    /**
     * Seals {@code length} bytes of {@code plaintext} that sit at {@code offset} of the document into one frame,
     * written into {@code frame} (at least {@link #frameSize(int)} long).
     *
     * @return the frame's size
     */
    public int seal(long offset, boolean last, byte[] plaintext, int length, byte[] frame) {
        if (length < 1 || length > MAX_SEGMENT) {
            throw new IllegalArgumentException("a segment holds 1.." + MAX_SEGMENT + " bytes, not " + length);
        }
        byte[] nonce = new byte[DocumentHeader.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        int flags = last ? LAST : 0;
        ByteBuffer.wrap(frame).put((byte) flags).putInt(length).put(nonce);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            bindPosition(offset, flags, length);
            return FRAME_HEADER + cipher.doFinal(plaintext, 0, length, frame, FRAME_HEADER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing a segment failed", e);
        }
    }

    /** A frame's header as read from the stored bytes, before its ciphertext. */
    public record Frame(int flags, int length, byte[] nonce) {

        public boolean last() {
            return (flags & LAST) != 0;
        }

        /** Skips this frame's ciphertext and tag in {@code in}, which stands right after its header. */
        public void skipSealed(InputStream in) throws IOException {
            in.skipNBytes(length + TAG_BYTES);
        }

        /** The frame's size as stored. */
        public int storedSize() {
            return frameSize(length);
        }

        /**
         * Reads the next frame header, or answers null at the end of {@code in}.
         *
         * @throws TamperedUploadException for a malformed or cut header
         */
        public static Frame read(InputStream in) throws IOException {
            int flags = in.read();
            if (flags < 0) {
                return null;
            }
            ByteBuffer rest = ByteBuffer.wrap(DocumentHeader.readExactly(in, FRAME_HEADER - 1));
            int length = rest.getInt();
            if ((flags & ~LAST) != 0 || length < 1 || length > MAX_SEGMENT) {
                throw new TamperedUploadException("malformed segment header (flags " + flags + ", length " + length
                        + ")");
            }
            byte[] nonce = new byte[DocumentHeader.NONCE_BYTES];
            rest.get(nonce);
            return new Frame(flags, length, nonce);
        }
    }

    /**
     * Reads {@code frame}'s ciphertext and tag from {@code in} and opens them as the segment at {@code offset}.
     *
     * @return the plaintext
     * @throws TamperedUploadException when the tag does not verify (changed bytes, or a segment out of place)
     */
    public byte[] open(Frame frame, long offset, InputStream in) throws IOException {
        byte[] sealed = DocumentHeader.readExactly(in, frame.length() + TAG_BYTES);
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, frame.nonce()));
            bindPosition(offset, frame.flags(), frame.length());
            return cipher.doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new TamperedUploadException("the segment at plaintext offset " + offset
                    + " failed authentication (changed, moved or from another document)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("opening a segment failed", e);
        }
    }

    private void bindPosition(long offset, int flags, int length) {
        cipher.updateAAD(header.bytes());
        cipher.updateAAD(ByteBuffer.allocate(8 + 1 + 4).putLong(offset).put((byte) flags).putInt(length).array());
    }
}
