package id.go.imigrasi.mpaspor.application.upload.storage.encryption;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Optional;

import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;

/**
 * Encryption at rest of uploaded documents (issue 23, UU PDP 27/2022: identity documents are specific personal
 * data): envelope encryption, a fresh AES-256 data key per document wrapped by the active master key, the document
 * sealed in segments (format: {@link DocumentHeader}, {@link DataKey}). Both stores use it the same way: a document's
 * format is chosen when its first byte is written (encrypted when enabled, plaintext otherwise) and kept by every
 * later append; reading recognises both, so documents stored before encryption existed (no marker) stay readable.
 */
public final class DocumentEncryption {

    private final boolean sealNewDocuments;
    private final MasterKeys keys;

    /**
     * @throws IllegalStateException when new documents are to be sealed but no active master key is configured (the
     *         service does not start rather than store identity documents in plaintext unnoticed)
     */
    public DocumentEncryption(boolean sealNewDocuments, MasterKeys keys) {
        if (sealNewDocuments && !keys.hasActiveKey()) {
            throw new IllegalStateException("mpaspor.upload.encryption.enabled=true needs"
                    + " mpaspor.upload.encryption.active-key and mpaspor.upload.encryption.keys"
                    + " (MPASPOR_UPLOAD_ENCRYPTION_ACTIVE_KEY, MPASPOR_UPLOAD_ENCRYPTION_KEYS)");
        }
        this.sealNewDocuments = sealNewDocuments;
        this.keys = keys;
    }

    /** From {@code mpaspor.upload.encryption.*}. */
    public static DocumentEncryption of(UploadConfig.Encryption config) {
        return new DocumentEncryption(config.enabled(),
                MasterKeys.parse(config.activeKey(), config.keys().orElse(List.of())));
    }

    /**
     * The key of the document named {@code document} (its storage key) whose first byte is about to be written, or
     * null: it is stored in plaintext.
     */
    public DataKey keyForNewDocument(String document) {
        return sealNewDocuments ? keys.newDataKey(document) : null;
    }

    /**
     * Reads a stored document's header from {@code start} (its first bytes; consumed exactly up to the header's end,
     * unbuffered, so the caller's position is then at the first frame).
     *
     * @return the document's key, or empty for a plaintext (legacy) or empty document
     */
    public Optional<DataKey> keyOf(String document, InputStream start) throws IOException {
        byte[] prefix = start.readNBytes(DocumentHeader.MAGIC.length);
        if (!DocumentHeader.isMarker(prefix)) {
            return Optional.empty();
        }
        return Optional.of(keys.unwrap(DocumentHeader.readAfterMagic(start), document));
    }

    /**
     * The plaintext of the complete stored document named {@code document}, decrypted and verified as it is read,
     * or passed through.
     */
    public InputStream plaintext(String document, InputStream stored) throws IOException {
        byte[] prefix = stored.readNBytes(DocumentHeader.MAGIC.length);
        if (!DocumentHeader.isMarker(prefix)) {
            return new SequenceInputStream(new ByteArrayInputStream(prefix), stored);
        }
        InputStream buffered = new BufferedInputStream(stored, 64 * 1024);
        try {
            return new PlaintextInputStream(buffered, keys.unwrap(DocumentHeader.readAfterMagic(buffered), document));
        } catch (IOException | RuntimeException e) {
            buffered.close();
            throw e;
        }
    }
}
