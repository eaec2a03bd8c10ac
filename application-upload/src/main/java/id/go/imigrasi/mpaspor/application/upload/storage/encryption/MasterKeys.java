package id.go.imigrasi.mpaspor.application.upload.storage.encryption;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The configured master keys, by id: the active one wraps the data key of every new document, all of them unwrap
 * (so that the active key can rotate while older documents stay readable). Keys come from configuration
 * ({@code mpaspor.upload.encryption.keys}, entries {@code id:base64} of 32 random bytes), never from code; their
 * material is never logged or put into an error message.
 */
public final class MasterKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<String> active;
    private final Map<String, SecretKey> keys;

    private MasterKeys(Optional<String> active, Map<String, SecretKey> keys) {
        this.active = active;
        this.keys = keys;
    }

    /**
     * Parses {@code id:base64} entries; {@code active}, when given, must be one of them.
     *
     * @throws IllegalArgumentException for a malformed entry, a key that is not 256 bits, a repeated id or an
     *         active id without its key
     */
    public static MasterKeys parse(Optional<String> active, List<String> entries) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : entries) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("a master key is written id:base64 (an entry has no ':')");
            }
            String id = DocumentHeader.requireKeyId(trimmed.substring(0, colon));
            byte[] material;
            try {
                material = Base64.getDecoder().decode(trimmed.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("master key " + id + " is not base64");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException("master key " + id + " has " + material.length * 8
                        + " bits; it must have 256 (32 random bytes, base64)");
            }
            if (keys.put(id, new SecretKeySpec(material, "AES")) != null) {
                throw new IllegalArgumentException("master key " + id + " is configured twice");
            }
            Arrays.fill(material, (byte) 0);
        }
        active.ifPresent(id -> {
            if (!keys.containsKey(id)) {
                throw new IllegalArgumentException("the active master key " + id + " is not among the configured keys "
                        + keys.keySet());
            }
        });
        return new MasterKeys(active, Map.copyOf(keys));
    }

    /** Whether new documents can be sealed (an active key is configured). */
    public boolean hasActiveKey() {
        return active.isPresent();
    }

    /**
     * A fresh data key for a new document, wrapped by the active master key into the document's header; the wrap
     * also authenticates {@code document} (the storage key), so a document's stored bytes moved under another
     * upload's name do not open there.
     */
    public DataKey newDataKey(String document) {
        String id = active.orElseThrow(() -> new IllegalStateException("no active master key is configured"));
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        byte[] nonce = new byte[DocumentHeader.NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher wrap = Cipher.getInstance("AES/GCM/NoPadding");
            wrap.init(Cipher.ENCRYPT_MODE, keys.get(id), new GCMParameterSpec(128, nonce));
            wrap.updateAAD(DocumentHeader.associatedData(id));
            wrap.updateAAD(document.getBytes(StandardCharsets.UTF_8));
            byte[] wrapped = wrap.doFinal(material);
            return new DataKey(new SecretKeySpec(material, "AES"), new DocumentHeader(id, nonce, wrapped));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping a data key failed", e);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * The data key of the stored document named {@code document}.
     *
     * @throws UnknownMasterKeyException when the header names a master key that is not configured (retired too
     *         early, or a wrong environment)
     * @throws TamperedUploadException when the wrapped key does not authenticate
     */
    public DataKey unwrap(DocumentHeader header, String document)
            throws TamperedUploadException, UnknownMasterKeyException {
        SecretKey master = keys.get(header.keyId());
        if (master == null) {
            throw new UnknownMasterKeyException(header.keyId());
        }
        byte[] material = null;
        try {
            Cipher unwrap = Cipher.getInstance("AES/GCM/NoPadding");
            unwrap.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(128, header.nonce()));
            unwrap.updateAAD(DocumentHeader.associatedData(header.keyId()));
            unwrap.updateAAD(document.getBytes(StandardCharsets.UTF_8));
            material = unwrap.doFinal(header.wrappedKey());
            return new DataKey(new SecretKeySpec(material, "AES"), header);
        } catch (AEADBadTagException e) {
            throw new TamperedUploadException("the document key of " + document + " (master key " + header.keyId()
                    + ") failed authentication (changed, or another document's)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unwrapping a data key failed", e);
        } finally {
            if (material != null) {
                Arrays.fill(material, (byte) 0);
            }
        }
    }

    /** A stored document names a master key this instance does not have: configuration, not tampering. */
    public static final class UnknownMasterKeyException extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        UnknownMasterKeyException(String keyId) {
            super("the upload was encrypted with master key " + keyId + ", which is not configured"
                    + " (mpaspor.upload.encryption.keys): keep retired keys configured while documents use them");
        }
    }
}
