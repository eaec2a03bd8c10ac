package id.go.imigrasi.mpaspor.ops.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jboss.logging.Logger;

/**
 * Seals the console's session into its cookie and opens it again: AES-256-GCM (encrypted and authenticated; a
 * changed byte or another key opens nothing), {@code v1.<base64url(nonce, ciphertext and tag)>}, the cookie's name
 * bound as additional data. The website's approach ({@code web/.../session/SessionCodec}), reduced to one key: the
 * console is an ops tool run as one instance; without a key (development) a key of this process is made at start.
 */
public final class SessionCodec {

    private static final Logger LOG = Logger.getLogger(SessionCodec.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String VERSION = "v1";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD = (OpsSession.COOKIE + "|" + VERSION).getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;

    public SessionCodec(Optional<String> base64Key) {
        byte[] raw;
        if (base64Key.filter(k -> !k.isBlank()).isPresent()) {
            try {
                raw = Base64.getDecoder().decode(base64Key.get().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mpaspor.ops.session-key is not base64");
            }
            if (raw.length != 32) {
                throw new IllegalArgumentException("mpaspor.ops.session-key must be 32 bytes (AES-256), is " + raw.length);
            }
        } else {
            raw = new byte[32];
            RANDOM.nextBytes(raw);
            LOG.warn("mpaspor.ops.session-key is not set: console sessions end when this process stops");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    public String seal(byte[] plain) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return VERSION + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The cookie's content, or empty when it was not sealed with our key or was changed. */
    public Optional<byte[]> open(String cookie) {
        if (cookie == null || cookie.length() > 8192 || !cookie.startsWith(VERSION + ".")) {
            return Optional.empty();
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(cookie.substring(VERSION.length() + 1));
            if (in.length < NONCE + TAG_BITS / 8) {
                return Optional.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            cipher.updateAAD(AAD);
            return Optional.of(cipher.doFinal(in, NONCE, in.length - NONCE));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
