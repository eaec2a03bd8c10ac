package id.go.imigrasi.mpaspor.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/**
 * Access tokens as account-service issues them (RS256; subject = account id, upn, groups), signed with the running
 * system's development key ({@code .run/keys/private.pem}, which {@code ./mpaspor up} creates). The steady-state
 * scenario uses them so that its applicants do not each spend a bcrypt verification: logins are what the release
 * spike measures, against the raw hash rate.
 */
public final class AccessTokens {

    private final PrivateKey key;
    private final String issuer;
    private final Clock clock;

    AccessTokens(PrivateKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    public static AccessTokens fromPem(Path pkcs8Pem, String issuer) {
        try {
            String base64 = Files.readString(pkcs8Pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return new AccessTokens(key, issuer, Clock.systemUTC());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the signing key " + pkcs8Pem + ": " + e.getMessage(), e);
        }
    }

    /** An applicant's token, valid one hour. */
    public String applicant(UUID accountId, String email) {
        return sign(accountId, email, "applicant", "");
    }

    /** An officer's token of an office ({@code office_code}), valid one hour: the desk scenario's officers. */
    public String officer(UUID accountId, String email, String officeCode) {
        return sign(accountId, email, "officer", ",\"office_code\":\"" + officeCode + "\"");
    }

    private String sign(UUID accountId, String email, String group, String moreClaims) {
        long now = clock.instant().getEpochSecond();
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = base64Url("{\"iss\":\"" + issuer + "\",\"sub\":\"" + accountId + "\",\"upn\":\"" + email
                + "\",\"groups\":[\"" + group + "\"]" + moreClaims + ",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
