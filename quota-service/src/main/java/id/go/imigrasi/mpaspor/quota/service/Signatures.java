package id.go.imigrasi.mpaspor.quota.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;

/**
 * HMAC-SHA256 with the waiting room's secret ({@code mpaspor.quota.waiting-room.secret}, from the environment), one
 * derived key per purpose so that a ticket can never pass for a hold pass or a proof-of-work signature.
 */
@ApplicationScoped
public class Signatures {

    public enum Purpose {
        TICKET, PASS, POW
    }

    private final Map<Purpose, byte[]> keys = new EnumMap<>(Purpose.class);
    private final ThreadLocal<Map<Purpose, Mac>> macs = ThreadLocal.withInitial(() -> new EnumMap<>(Purpose.class));

    @jakarta.inject.Inject
    public Signatures(QuotaConfig config) {
        this(config.waitingRoom().secret());
    }

    Signatures(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("mpaspor.quota.waiting-room.secret (MPASPOR_WAITING_ROOM_SECRET) must be at"
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
