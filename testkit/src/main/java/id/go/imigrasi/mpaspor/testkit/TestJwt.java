package id.go.imigrasi.mpaspor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints RS256 tokens for tests with a key pair generated once per JVM. The services under test verify them
 * with the public key that {@link RealInfrastructure} configures, exactly as they verify account-service's
 * tokens in production.
 */
public final class TestJwt {

    public static final String DEFAULT_ISSUER = "https://mpaspor.imigrasi.go.id";
    /** The claim that carries an officer's office code; mirrors the platform's convention. */
    public static final String OFFICE_CLAIM = "office_code";

    private static KeyPair keys;
    private static Path publicKeyFile;
    private static Path privateKeyFile;

    private TestJwt() {
    }

    public static String applicant(String accountId) {
        return claims(accountId, "applicant").sign(keys().getPrivate());
    }

    public static String officer(String accountId, String officeCode) {
        return claims(accountId, "officer").claim(OFFICE_CLAIM, officeCode).sign(keys().getPrivate());
    }

    /**
     * A desk session's token: the applicant {@code accountId}'s, with an officer of {@code officeCode} acting for
     * them (the {@code act} claim account-service puts in it, issue 19).
     */
    public static String assisted(String accountId, String officerId, String officeCode) {
        return claims(accountId, "applicant").claim("act", java.util.Map.of("sub", officerId, OFFICE_CLAIM, officeCode))
                .sign(keys().getPrivate());
    }

    public static String admin(String accountId) {
        return claims(accountId, "admin").sign(keys().getPrivate());
    }

    /** A token signed by a key nobody trusts: must be refused. */
    public static String forged(String accountId) {
        return claims(accountId, "admin").sign(generate().getPrivate());
    }

    public static String expired(String accountId) {
        long past = System.currentTimeMillis() / 1000 - 3600;
        return claims(accountId, "applicant").issuedAt(past - 600).expiresAt(past).sign(keys().getPrivate());
    }

    /** For any other shape of token. */
    public static JwtClaimsBuilder claims(String accountId, String... groups) {
        return Jwt.issuer(issuer()).subject(accountId).upn(accountId + "@test.mpaspor.id")
                .groups(Set.of(groups)).expiresIn(Duration.ofMinutes(15))
                .claim("jti", UUID.randomUUID().toString());
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(keys().getPrivate());
    }

    /** A file: URL of the PEM public key, for {@code mp.jwt.verify.publickey.location}. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            publicKeyFile = writePem("mpaspor-test-jwt-", "PUBLIC KEY", keys().getPublic().getEncoded());
        }
        return publicKeyFile.toUri().toString();
    }

    /**
     * A file: URL of the PEM private key, for a service that signs tokens itself (account-service): its tokens
     * then verify with {@link #publicKeyLocation()} like the ones minted here.
     */
    public static synchronized String privateKeyLocation() {
        if (privateKeyFile == null) {
            privateKeyFile = writePem("mpaspor-test-jwt-private-", "PRIVATE KEY", keys().getPrivate().getEncoded());
        }
        return privateKeyFile.toUri().toString();
    }

    private static Path writePem(String prefix, String type, byte[] der) {
        try {
            Path file = Files.createTempFile(prefix, ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN " + type + "-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String issuer() {
        try {
            return ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.issuer", String.class)
                    .orElse(DEFAULT_ISSUER);
        } catch (IllegalStateException noConfig) {
            return DEFAULT_ISSUER;
        }
    }

    private static synchronized KeyPair keys() {
        if (keys == null) {
            keys = generate();
        }
        return keys;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
