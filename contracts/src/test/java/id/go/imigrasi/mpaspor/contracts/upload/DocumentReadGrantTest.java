package id.go.imigrasi.mpaspor.contracts.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DocumentReadGrantTest {

    private static final DocumentReadGrant GRANTS = DocumentReadGrant.withKey("k".repeat(32));
    private static final Instant NOW = Instant.parse("2026-12-05T03:00:00Z");
    private static final UUID UPLOAD = UUID.fromString("0b6a3c1e-1d2f-4c55-9a51-3e2d8f6b7c10");

    @Test
    void aGrantOpensItsUploadUntilItExpires() {
        String grant = GRANTS.issue(UPLOAD, NOW.plusSeconds(30));
        assertThat(GRANTS.permits(grant, UPLOAD, NOW)).isTrue();
        assertThat(GRANTS.permits(grant, UPLOAD, NOW.plusSeconds(29))).isTrue();
        assertThat(GRANTS.permits(grant, UPLOAD, NOW.plusSeconds(30))).as("expired").isFalse();
    }

    @Test
    void aGrantOpensNoOtherUpload() {
        String grant = GRANTS.issue(UPLOAD, NOW.plusSeconds(30));
        assertThat(GRANTS.permits(grant, UUID.randomUUID(), NOW)).isFalse();
    }

    @Test
    void anotherKeysGrantOrAnAlteredOneIsRefused() {
        String other = DocumentReadGrant.withKey("o".repeat(32)).issue(UPLOAD, NOW.plusSeconds(30));
        assertThat(GRANTS.permits(other, UPLOAD, NOW)).isFalse();
        String grant = GRANTS.issue(UPLOAD, NOW.plusSeconds(30));
        String later = grant.replace("." + NOW.plusSeconds(30).getEpochSecond() + ".",
                "." + NOW.plusSeconds(3600).getEpochSecond() + ".");
        assertThat(GRANTS.permits(later, UPLOAD, NOW)).as("expiry moved").isFalse();
        for (String junk : new String[] {null, "", ".", "..", "a.b.c", UPLOAD + ".x.%%%", grant + "x"}) {
            assertThat(GRANTS.permits(junk, UPLOAD, NOW)).as(String.valueOf(junk)).isFalse();
        }
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> DocumentReadGrant.withKey("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
