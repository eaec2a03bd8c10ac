package id.go.imigrasi.mpaspor.web.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SessionCodecTest {

    private static final String OLD = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String NEW = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void anotherInstanceWithTheSameKeyOpensTheCookieAndNothingElseDoes() {
        SessionCodec one = new SessionCodec(Map.of("k1", OLD), Optional.of("k1"));
        SessionCodec two = new SessionCodec(Map.of("k1", OLD), Optional.of("k1"));
        String cookie = one.seal("{\"rt\":\"secret-refresh\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(cookie).startsWith("v1.k1.").doesNotContain("secret");
        assertThat(new String(two.open(cookie).orElseThrow(), StandardCharsets.UTF_8)).contains("secret-refresh");
        assertThat(one.seal(new byte[] { 1 })).as("a fresh nonce each time").isNotEqualTo(one.seal(new byte[] { 1 }));

        char[] tampered = cookie.toCharArray();
        tampered[20] = tampered[20] == 'A' ? 'B' : 'A';
        assertThat(two.open(new String(tampered))).as("a changed byte").isEmpty();
        assertThat(two.open(cookie.replace("v1.k1.", "v1.k2."))).as("another key id").isEmpty();
        assertThat(new SessionCodec(Map.of("k1", NEW), Optional.of("k1")).open(cookie)).as("another key").isEmpty();
        assertThat(two.open("random-session-id")).isEmpty();
        assertThat(two.open(null)).isEmpty();
    }

    @Test
    void aRotationOpensCookiesOfTheOldKeyAndSealsWithTheNewOne() {
        SessionCodec before = new SessionCodec(Map.of("2026a", OLD), Optional.of("2026a"));
        SessionCodec during = new SessionCodec(Map.of("2026a", OLD, "2026b", NEW), Optional.of("2026b"));
        String old = before.seal("x".getBytes(StandardCharsets.UTF_8));
        assertThat(during.open(old)).isPresent();
        assertThat(during.oldKey(old)).as("sealed again at once").isTrue();
        String fresh = during.seal("x".getBytes(StandardCharsets.UTF_8));
        assertThat(fresh).startsWith("v1.2026b.");
        assertThat(during.oldKey(fresh)).isFalse();
        assertThat(before.open(fresh)).as("an instance without the new key").isEmpty();
    }

    @Test
    void aKeyOfTheWrongSizeOrAnUnknownSealingIdStopsTheStart() {
        assertThatThrownBy(() -> new SessionCodec(Map.of("k", "c2hvcnQ="), Optional.of("k")))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SessionCodec(Map.of("k", OLD), Optional.of("other")))
                .hasMessageContaining("not one of the keys");
        assertThat(new SessionCodec(Map.of(), Optional.of("main")).seal(new byte[0])).as("no key: this process's")
                .startsWith("v1.local.");
    }
}
