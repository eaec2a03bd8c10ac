package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The public half of the signing key pair, from configuration ({@code mpaspor.account.jwt.public-key}), with
 * its key id (the RFC 7638 thumbprint) and its JWKS document, which the other services verify tokens with.
 */
@ApplicationScoped
public class SigningKey {

    private final String keyId;
    private final String jwks;

    public SigningKey(AccountConfig config) {
        try {
            RSAPublicKey key = readPem(config.jwt().publicKey());
            RsaJsonWebKey jwk = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(key);
            this.keyId = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
            jwk.setKeyId(keyId);
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            this.jwks = new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException | IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JWT public key from " + config.jwt().publicKey(), e);
        }
    }

    public String keyId() {
        return keyId;
    }

    public String jwks() {
        return jwks;
    }

    private static RSAPublicKey readPem(String location) throws IOException, java.security.GeneralSecurityException {
        String pem;
        if (location.startsWith("classpath:")) {
            try (InputStream in = SigningKey.class.getResourceAsStream("/" + location.substring("classpath:".length()))) {
                pem = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } else {
            pem = Files.readString(location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location));
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
