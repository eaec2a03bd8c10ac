package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.RefreshToken;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens: RS256 JWTs, subject = account id, {@code upn} = email, {@code groups} = the role,
 * {@code office_code} for officers, {@code sid} = the login session (refresh-token family). Refresh tokens:
 * 256 random bits, only their SHA-256 stored.
 */
@ApplicationScoped
public class TokenIssuer {

    public static final String SESSION_CLAIM = "sid";

    public record Tokens(String accessToken, String refreshToken, long expiresIn, String tokenType) {
    }

    private final SecureRandom random = new SecureRandom();
    private final AccountConfig.Jwt policy;
    private final SigningKey key;
    private final String issuer;

    public TokenIssuer(AccountConfig config, SigningKey key,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.policy = config.jwt();
        this.key = key;
        this.issuer = issuer;
    }

    /** A new refresh token of the family; the caller persists {@code token.row()}. */
    public record Issued(Tokens tokens, RefreshToken row) {
    }

    public Issued issue(Account account, UUID familyId, Instant now) {
        return issue(account, familyId, now, null, null);
    }

    /**
     * Tokens of a desk session: an officer ({@code actorId} of {@code actorOffice}) acting for the account's holder.
     * The access token's subject and role are the holder's, so every ownership rule applies unchanged; its
     * {@code act} claim names the officer, and the refresh token row remembers them for the next refresh.
     */
    public Issued issue(Account account, UUID familyId, Instant now, UUID actorId, String actorOffice) {
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        RefreshToken row = new RefreshToken();
        row.id = UUID.randomUUID();
        row.accountId = account.id;
        row.familyId = familyId;
        row.tokenHash = sha256(refresh);
        row.issuedAt = now;
        row.expiresAt = now.plus(actorId == null ? policy.refreshTokenLifetime() : policy.deskSessionLifetime());
        row.actorId = actorId;
        row.actorOffice = actorOffice;
        return new Issued(new Tokens(accessToken(account, familyId, now, row), refresh,
                policy.accessTokenLifetime().toSeconds(), "Bearer"), row);
    }

    private String accessToken(Account account, UUID familyId, Instant now, RefreshToken row) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(account.id.toString())
                .upn(account.email)
                .groups(Set.of(account.role.group()))
                .issuedAt(now)
                .expiresAt(now.plus(policy.accessTokenLifetime()))
                .claim(SESSION_CLAIM, familyId.toString())
                .claim("jti", UUID.randomUUID().toString());
        if (account.officeCode != null) {
            claims.claim(Roles.OFFICE_CLAIM, account.officeCode);
        }
        if (row.actorId != null) {
            claims.claim(Roles.ACTOR_CLAIM, Map.of("sub", row.actorId.toString(), Roles.OFFICE_CLAIM, row.actorOffice));
        }
        return claims.jws().keyId(key.keyId()).sign();
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
