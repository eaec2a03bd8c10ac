package id.go.imigrasi.mpaspor.platform.waitingroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The proof-of-work a joiner pays for a place in a waiting room: the ALTCHA challenge scheme (self-hosted, no
 * third party, no tracking; https://altcha.org/docs/proof-of-work, algorithm SHA-256), which the ALTCHA widget solves
 * in the browser. The server picks a random {@code salt} and a secret number {@code n <= maxnumber}, sends
 * {@code challenge = hex(SHA-256(salt + n))} and {@code signature = hex(HMAC-SHA256(key, challenge))}; the client
 * finds {@code n} by trying 0, 1, 2, ... and answers with the base64 of the JSON
 * {@code {algorithm, challenge, number, salt, signature}}. Verifying costs one hash and one HMAC, no database: the
 * signature proves the challenge is ours, the {@code expires} parameter of the salt bounds its age, and the
 * {@code account} parameter binds it to the account that asked (a solution cannot be handed to another account). A
 * person does not notice {@code pow-max-number} (100,000: on average 50,000 hashes, well under a second in a phone's
 * browser), while a farm of accounts pays it for every place.
 * <p>
 * Plain Java, like {@link Tickets}: quota-service verifies the solutions (and issues challenges), and the gateway issues
 * challenges at the edge with the same secret, so that on a release morning the crowd asking for one never waits for a
 * connection to quota-service (issue 17).
 */
public final class ProofOfWork {

    public static final String ALGORITHM = "SHA-256";

    /** What the ALTCHA widget reads from the challenge URL. */
    public record Challenge(String algorithm, String challenge, long maxnumber, String salt, String signature) {
    }

    private final Signatures keys;
    private final int maxNumber;
    private final java.time.Duration lifetime;
    private final Clock clock;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    public ProofOfWork(Signatures keys, int maxNumber, java.time.Duration lifetime, Clock clock, ObjectMapper json) {
        this.keys = keys;
        this.maxNumber = maxNumber;
        this.lifetime = lifetime;
        this.clock = clock;
        this.json = json;
    }

    /** A fresh challenge for {@code accountId}, valid for {@code pow-lifetime}. */
    public Challenge challenge(String accountId) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String salt = HexFormat.of().formatHex(nonce) + "?expires=" + expires + "&account=" + accountTag(accountId);
        long number = random.nextLong(maxNumber + 1L);
        String challenge = sha256(salt + number);
        return new Challenge(ALGORITHM, challenge, maxNumber, salt, keys.hex(Signatures.Purpose.POW, challenge));
    }

    /** Whether {@code payload} (the widget's base64 JSON) solves a challenge we gave {@code accountId}, not expired. */
    public boolean verify(String payload, String accountId) {
        if (payload == null || payload.length() > 2048) {
            return false;
        }
        try {
            JsonNode solution = json.readTree(Base64.getDecoder().decode(payload.trim()));
            String algorithm = solution.path("algorithm").asText("");
            String challenge = solution.path("challenge").asText("");
            String salt = solution.path("salt").asText("");
            String signature = solution.path("signature").asText("");
            JsonNode number = solution.path("number");
            if (!ALGORITHM.equals(algorithm) || !number.canConvertToLong() || number.asLong() < 0) {
                return false;
            }
            Map<String, String> params = params(salt);
            String expires = params.get("expires");
            if (expires == null || !expires.matches("\\d{1,12}")
                    || Long.parseLong(expires) < clock.instant().getEpochSecond()
                    || !accountTag(accountId).equals(params.get("account"))) {
                return false;
            }
            return MessageDigest.isEqual(sha256(salt + number.asLong()).getBytes(StandardCharsets.US_ASCII),
                    challenge.getBytes(StandardCharsets.US_ASCII))
                    && MessageDigest.isEqual(keys.hex(Signatures.Purpose.POW, challenge).getBytes(StandardCharsets.US_ASCII),
                            signature.getBytes(StandardCharsets.US_ASCII));
        } catch (RuntimeException | java.io.IOException unreadable) {
            return false;
        }
    }

    /** Solves a challenge the way the widget does (tests and the benchmark's clients). */
    public static String solve(Challenge challenge, ObjectMapper json) {
        for (long n = 0; n <= challenge.maxnumber(); n++) {
            if (sha256(challenge.salt() + n).equals(challenge.challenge())) {
                try {
                    return Base64.getEncoder().encodeToString(json.writeValueAsBytes(Map.of("algorithm",
                            challenge.algorithm(), "challenge", challenge.challenge(), "number", n, "salt",
                            challenge.salt(), "signature", challenge.signature())));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no solution up to " + challenge.maxnumber());
    }

    private String accountTag(String accountId) {
        return keys.hex(Signatures.Purpose.POW, "account:" + accountId).substring(0, 16);
    }

    private static Map<String, String> params(String salt) {
        int query = salt.indexOf('?');
        Map<String, String> params = new java.util.HashMap<>();
        if (query < 0) {
            return params;
        }
        for (String pair : salt.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return params;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
