package id.go.imigrasi.mpaspor.application.upload.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DocumentEncryption;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.MasterKeys;

/** Encryption at rest as the store tests need it: their own master keys, and what stored bytes must not reveal. */
public final class AtRest {

    private AtRest() {
    }

    /**
     * Encryption of new documents with master key {@code active}, all of {@code ids} configured. The tests' keys
     * are derived from their ids (SHA-256 of a test label): stable across runs, never used anywhere else.
     */
    public static DocumentEncryption sealingWith(String active, String... ids) {
        return new DocumentEncryption(true, MasterKeys.parse(Optional.of(active), entries(ids)));
    }

    /** New documents in plaintext (encryption off), encrypted ones still readable with {@code ids}. */
    public static DocumentEncryption plaintextWith(String... ids) {
        return new DocumentEncryption(false, MasterKeys.parse(Optional.empty(), entries(ids)));
    }

    private static List<String> entries(String... ids) {
        List<String> entries = new ArrayList<>();
        for (String id : ids) {
            try {
                byte[] key = MessageDigest.getInstance("SHA-256")
                        .digest(("mpaspor-upload-test-key:" + id).getBytes(StandardCharsets.UTF_8));
                entries.add(id + ":" + Base64.getEncoder().encodeToString(key));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return entries;
    }

    /** The stored bytes are not the plaintext, and no 32-byte run of it (sampled every KiB) appears in them. */
    public static void assertHoldsNoPlaintext(byte[] stored, byte[] plaintext) {
        assertThat(stored).isNotEqualTo(plaintext);
        for (int from = 0; from + 32 <= plaintext.length; from += 1024) {
            byte[] run = Arrays.copyOfRange(plaintext, from, from + 32);
            assertThat(indexOf(stored, run)).as("plaintext bytes %d..%d in the stored bytes", from, from + 32)
                    .isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
