package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Six-digit codes from a CSPRNG. Stored as HMAC-SHA256(pepper, otp id + code): a leaked table does not give the
 * codes away (a plain hash of a six-digit code would), and checks compare in constant time.
 */
@ApplicationScoped
public class OtpCodes {

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec pepper;

    public OtpCodes(AccountConfig config) {
        this.pepper = new SecretKeySpec(config.otp().pepper().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public String hash(java.util.UUID otpId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal((otpId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(java.util.UUID otpId, String code, String storedHash) {
        if (code == null || !code.matches("\\d{6}")) {
            return false;
        }
        return MessageDigest.isEqual(hash(otpId, code).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
