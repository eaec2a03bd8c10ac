package id.go.imigrasi.mpaspor.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {

    @Test
    void aTokenIsSignedWithTheDevKeyAndCarriesTheClaimsTheServicesCheck(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path pem = dir.resolve("private.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        UUID account = UUID.randomUUID();

        String token = AccessTokens.fromPem(pem, "https://mpaspor.imigrasi.go.id").applicant(account, "a@load.test");

        String[] parts = token.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(pair.getPublic());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"iss\":\"https://mpaspor.imigrasi.go.id\"", "\"sub\":\"" + account + "\"",
                "\"upn\":\"a@load.test\"", "\"groups\":[\"applicant\"]");
    }

    @Test
    void anOfficersTokenNamesTheGroupAndTheOffice() {
        AccessTokens tokens = new AccessTokens(generated(), "https://mpaspor.imigrasi.go.id", Clock.systemUTC());
        String claims = new String(Base64.getUrlDecoder().decode(tokens.officer(UUID.randomUUID(), "o@load.test",
                "DESK1").split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"groups\":[\"officer\"]", "\"office_code\":\"DESK1\"");
    }


    @Test
    void aTokenIsValidForOneHourFromNow() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), ZoneOffset.UTC);
        AccessTokens tokens = new AccessTokens(generated(), "iss", clock);

        String claims = new String(Base64.getUrlDecoder().decode(tokens.applicant(UUID.randomUUID(), "x").split("\\.")[1]),
                StandardCharsets.UTF_8);

        long now = Instant.parse("2026-11-22T04:00:00Z").getEpochSecond();
        assertThat(claims).contains("\"iat\":" + now, "\"exp\":" + (now + 3600));
    }

    private static java.security.PrivateKey generated() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
