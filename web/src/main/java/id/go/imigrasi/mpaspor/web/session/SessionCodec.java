package id.go.imigrasi.mpaspor.web.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.web.WebConfig;

/**
 * Seals a session into its cookie and opens it again, on any instance that has the keys: AES-256-GCM (encrypted
 * and authenticated; a changed byte, another cookie's name or a key this instance does not have opens nothing).
 * The cookie is {@code v1.<key id>.<base64url(12-byte nonce, ciphertext and tag)>}, the key id also bound as
 * additional data. Keys come from configuration ({@code mpaspor.web.session-key}, id "main";
 * {@code mpaspor.web.session-keys.<id>=<base64>}; {@code mpaspor.web.session-key-id} the one that seals): to rotate, add the new key on every instance, then make
 * it the sealing one; cookies sealed with the old key are still opened (and sealed again with the new one at their
 * next change) until the old key is removed. Without any key (a single instance in development), a random key is
 * made at start: sessions then end with the process.
 */
@ApplicationScoped
public class SessionCodec {

    private static final Logger LOG = Logger.getLogger(SessionCodec.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VERSION = "v1";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String sealingId;

    @Inject
    public SessionCodec(WebConfig config) {
        this(withMain(config.sessionKeys(), config.sessionKey()), config.sessionKeyId());
    }

    private static Map<String, String> withMain(Map<String, String> keys, Optional<String> main) {
        Map<String, String> all = new LinkedHashMap<>(keys);
        main.filter(k -> !k.isBlank()).ifPresent(k -> all.put("main", k));
        return all;
    }

    public SessionCodec(Map<String, String> configured, Optional<String> sealingId) {
        configured.forEach((id, base64) -> {
            if (base64 == null || base64.isBlank()) {
                return;
            }
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("mpaspor.web.session-keys: key id '" + id
                        + "' must be 1-32 letters, digits, '-' or '_'");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(base64.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mpaspor.web.session-keys." + id + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("mpaspor.web.session-keys." + id + " must be 32 bytes (AES-256), is "
                        + key.length);
            }
            keys.put(id, new SecretKeySpec(key, "AES"));
        });
        if (keys.isEmpty()) {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            keys.put("local", new SecretKeySpec(key, "AES"));
            LOG.warn("mpaspor.web.session-keys is not set: sessions are sealed with a key of this process only "
                    + "(they end when it stops, and other instances cannot read them)");
        }
        String id = keys.containsKey("local") ? "local"
                : sealingId.filter(s -> !s.isBlank()).orElse(keys.keySet().iterator().next());
        if (!keys.containsKey(id)) {
            throw new IllegalArgumentException("mpaspor.web.session-key-id '" + id + "' is not one of the keys "
                    + keys.keySet());
        }
        this.sealingId = id;
    }

    public String seal(byte[] plain) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(sealingId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(sealingId));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return VERSION + "." + sealingId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The cookie's content, or empty when it was not sealed by one of our keys or was changed. */
    public Optional<byte[]> open(String cookie) {
        if (cookie == null || cookie.length() > 8192) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !keys.containsKey(parts[1])) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(parts[2]);
            if (in.length < NONCE + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            cipher.updateAAD(aad(parts[1]));
            return Optional.of(cipher.doFinal(in, NONCE, in.length - NONCE));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether a cookie was sealed with a key other than the sealing one (it is sealed again at once). */
    public boolean oldKey(String cookie) {
        return cookie != null && !cookie.startsWith(VERSION + "." + sealingId + ".");
    }

    private static byte[] aad(String keyId) {
        return (Visit.COOKIE + "|" + VERSION + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
