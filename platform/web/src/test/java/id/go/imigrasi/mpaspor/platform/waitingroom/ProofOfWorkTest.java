package id.go.imigrasi.mpaspor.platform.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;


/** The ALTCHA scheme: a solved challenge passes once for its account, until it expires; anything else fails. */
class ProofOfWorkTest {

    private final ObjectMapper json = new ObjectMapper();
    private final Instant now = Instant.parse("2026-12-04T04:00:00Z");

    private ProofOfWork at(Instant instant) {
        return new ProofOfWork(new Signatures("unit-test-secret-0123456789"), 5_000, Duration.ofMinutes(10),
                Clock.fixed(instant, ZoneOffset.UTC), json);
    }

    @Test
    void aSolvedChallengePassesForItsAccountOnly() {
        ProofOfWork pow = at(now);
        ProofOfWork.Challenge challenge = pow.challenge("acc-1");
        assertThat(challenge.algorithm()).isEqualTo("SHA-256");
        assertThat(challenge.maxnumber()).isEqualTo(5_000);
        String solution = ProofOfWork.solve(challenge, json);
        assertThat(pow.verify(solution, "acc-1")).isTrue();
        assertThat(pow.verify(solution, "acc-2")).as("another account").isFalse();
        assertThat(at(now.plus(Duration.ofMinutes(11))).verify(solution, "acc-1")).as("expired").isFalse();
    }

    @Test
    void aWrongNumberOrAForgedChallengeFails() throws Exception {
        ProofOfWork pow = at(now);
        ProofOfWork.Challenge challenge = pow.challenge("acc-1");
        String solution = new String(Base64.getDecoder().decode(ProofOfWork.solve(challenge, json)),
                StandardCharsets.UTF_8);
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(solution);
        node.put("number", node.get("number").asLong() + 1);
        assertThat(pow.verify(Base64.getEncoder().encodeToString(json.writeValueAsBytes(node)), "acc-1")).isFalse();
        // a challenge the client made itself (easy number 0), signed with a guess
        String salt = "00?expires=" + (now.getEpochSecond() + 600) + "&account=x";
        String forged = json.writeValueAsString(java.util.Map.of("algorithm", "SHA-256", "challenge",
                ProofOfWork.sha256(salt + 0), "number", 0, "salt", salt, "signature", "00"));
        assertThat(pow.verify(Base64.getEncoder().encodeToString(forged.getBytes(StandardCharsets.UTF_8)), "acc-1"))
                .isFalse();
        assertThat(pow.verify("not base64 !", "acc-1")).isFalse();
        assertThat(pow.verify(null, "acc-1")).isFalse();
    }
}
