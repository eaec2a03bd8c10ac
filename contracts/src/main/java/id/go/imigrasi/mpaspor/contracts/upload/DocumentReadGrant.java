package id.go.imigrasi.mpaspor.contracts.upload;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one HTTP contract between application-service and upload-service: application-service decides who may read an
 * accepted document (its owner; an officer at the desk, the read recorded first) and hands upload-service a grant for
 * that one upload, valid for seconds; upload-service serves the bytes to whoever presents a valid grant and to nobody
 * else ({@code GET /uploads/{id}/document}, header {@link #HEADER}).
 *
 * <p>A grant is {@code <upload id>.<expiry, epoch seconds>.<HMAC-SHA256 of both, base64url>} under a key both services
 * get from configuration ({@code MPASPOR_DOCUMENT_GRANT_KEY}, at least 32 bytes). It names the upload, so it opens
 * no other; it expires, so a leaked one is soon worthless; without the key none can be made.
 */
public final class DocumentReadGrant {

    public static final String HEADER = "X-Mpaspor-Document-Grant";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    private DocumentReadGrant(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the document grant key must have at least " + MIN_KEY_BYTES
                    + " bytes (it has " + key.length + ")");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** A grant signer and verifier with this key (its UTF-8 bytes; at least 32). */
    public static DocumentReadGrant withKey(String key) {
        return new DocumentReadGrant(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A grant to read {@code uploadId} until {@code expiresAt}. */
    public String issue(UUID uploadId, Instant expiresAt) {
        String claims = uploadId + "." + expiresAt.getEpochSecond();
        return claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(claims));
    }

    /** Whether {@code grant} was issued with this key for {@code uploadId} and has not expired at {@code now}. */
    public boolean permits(String grant, UUID uploadId, Instant now) {
        if (grant == null) {
            return false;
        }
        int signature = grant.lastIndexOf('.');
        int expiry = signature < 0 ? -1 : grant.lastIndexOf('.', signature - 1);
        if (expiry < 0) {
            return false;
        }
        String claims = grant.substring(0, signature);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(grant.substring(signature + 1));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        if (!MessageDigest.isEqual(mac(claims), given)) {
            return false;
        }
        if (!claims.substring(0, expiry).equals(uploadId.toString())) {
            return false;
        }
        try {
            return now.getEpochSecond() < Long.parseLong(claims.substring(expiry + 1));
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private byte[] mac(String claims) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(claims.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", impossible);
        }
    }
}
