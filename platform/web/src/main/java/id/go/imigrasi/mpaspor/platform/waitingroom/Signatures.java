package id.go.imigrasi.mpaspor.platform.waitingroom;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with the waiting room's secret ({@code MPASPOR_WAITING_ROOM_SECRET}, from the environment: quota-service
 * signs with it, the gateway verifies tickets with it), one derived key per purpose so that a ticket can never pass for
 * a hold pass or a proof-of-work signature. Plain Java: each side makes its own from its configuration.
 */
public final class Signatures {

    public enum Purpose {
        TICKET, PASS, POW, DRAW
    }

    private final Map<Purpose, byte[]> keys = new EnumMap<>(Purpose.class);
    private final ThreadLocal<Map<Purpose, Mac>> macs = ThreadLocal.withInitial(() -> new EnumMap<>(Purpose.class));

    public Signatures(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("the waiting room secret (MPASPOR_WAITING_ROOM_SECRET) must be at"
                    + " least 16 characters");
        }
        byte[] master = secret.getBytes(StandardCharsets.UTF_8);
        for (Purpose purpose : Purpose.values()) {
            keys.put(purpose, mac(master, "mpaspor-waiting-room-" + purpose.name().toLowerCase()));
        }
    }

    /** HMAC-SHA256 of {@code text} with the purpose's key. */
    public byte[] sign(Purpose purpose, String text) {
        Mac mac = macs.get().computeIfAbsent(purpose, p -> newMac(keys.get(p)));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    public String hex(Purpose purpose, String text) {
        return HexFormat.of().formatHex(sign(purpose, text));
    }

    private static byte[] mac(byte[] key, String text) {
        return newMac(key).doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
