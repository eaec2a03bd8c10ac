package id.go.imigrasi.mpaspor.application.upload.storage.encryption;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The first bytes of an encrypted upload: the format marker, the id of the master key that wrapped the
 * document's data key, and the wrapped data key.
 *
 * <pre>
 * magic        8 bytes  89 'M' 'P' 'U' 'E' 0D 0A 1A  (a non-ASCII first byte and CR LF, as PNG's: no JPEG, PNG
 *                                                    or PDF starts with it, and line-ending mangling shows)
 * version      1 byte   1
 * key id       1 byte length + 1..64 ASCII bytes [A-Za-z0-9._-]
 * wrap nonce  12 bytes  random
 * wrapped key 48 bytes  AES-256-GCM(master key, wrap nonce, data key; associated data = the bytes above and
 *                       the document's storage key, the upload id: a document moved under another name fails)
 * </pre>
 *
 * A stored document that does not start with the magic is a legacy plaintext one (stored before encryption, or
 * with {@code mpaspor.upload.encryption.enabled=false}). The whole header is also bound into every segment's
 * associated data ({@link DataKey}), so segments cannot be moved under another header.
 */
public final class DocumentHeader {

    static final byte[] MAGIC = {(byte) 0x89, 'M', 'P', 'U', 'E', '\r', '\n', 0x1A};
    static final int VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int WRAPPED_KEY_BYTES = 32 + 16;
    /** The longest header: the stores read this much from a document's start to find its key. */
    public static final int MAX_BYTES = MAGIC.length + 1 + 1 + 64 + NONCE_BYTES + WRAPPED_KEY_BYTES;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String keyId;
    private final byte[] nonce;
    private final byte[] wrappedKey;
    private final byte[] bytes;

    DocumentHeader(String keyId, byte[] nonce, byte[] wrappedKey) {
        this.keyId = keyId;
        this.nonce = nonce.clone();
        this.wrappedKey = wrappedKey.clone();
        ByteArrayOutputStream out = new ByteArrayOutputStream(MAX_BYTES);
        out.writeBytes(associatedData(keyId));
        out.writeBytes(nonce);
        out.writeBytes(wrappedKey);
        this.bytes = out.toByteArray();
    }

    /** The bytes the key wrap authenticates: magic, version and key id. */
    static byte[] associatedData(String keyId) {
        requireKeyId(keyId);
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(VERSION);
        out.write(id.length);
        out.writeBytes(id);
        return out.toByteArray();
    }

    static String requireKeyId(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a master key id is 1-64 characters of [A-Za-z0-9._-]: " + keyId);
        }
        return keyId;
    }

    /** Whether {@code prefix} (a document's first bytes) is the encrypted format's marker. */
    public static boolean isMarker(byte[] prefix) {
        return prefix.length >= MAGIC.length && Arrays.equals(prefix, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * Reads the header of an encrypted document whose magic was already consumed from {@code in}.
     *
     * @throws TamperedUploadException when it is cut short or malformed
     */
    static DocumentHeader readAfterMagic(InputStream in) throws IOException {
        int version = in.read();
        if (version != VERSION) {
            throw new TamperedUploadException("unknown encrypted upload format version " + version);
        }
        int idLength = in.read();
        if (idLength < 1 || idLength > 64) {
            throw new TamperedUploadException("malformed encrypted upload header (key id length " + idLength + ")");
        }
        String keyId = new String(readExactly(in, idLength), StandardCharsets.US_ASCII);
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new TamperedUploadException("malformed encrypted upload header (key id)");
        }
        return new DocumentHeader(keyId, readExactly(in, NONCE_BYTES), readExactly(in, WRAPPED_KEY_BYTES));
    }

    static byte[] readExactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new TamperedUploadException("encrypted upload cut short");
        }
        return bytes;
    }

    public String keyId() {
        return keyId;
    }

    byte[] nonce() {
        return nonce.clone();
    }

    byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    /** The header as stored. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }
}
