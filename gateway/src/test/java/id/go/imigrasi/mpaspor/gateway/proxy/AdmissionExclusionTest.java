package id.go.imigrasi.mpaspor.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The paths the gateway does not count against a service's in-flight limit: literal prefixes, {@code *} one segment. */
class AdmissionExclusionTest {

    @Test
    void aStarStandsForOneSegmentAndTheRestIsLiteral() {
        Pattern position = UpstreamAdmission.prefixPattern("/api/v1/releases/*/waiting-room/position");
        assertThat(position.matcher("/api/v1/releases/edbba22c-889f-4e09-9f71-b7163e2eff59/waiting-room/position")
                .lookingAt()).isTrue();
        assertThat(position.matcher("/api/v1/releases/a/b/waiting-room/position").lookingAt())
                .as("one segment only").isFalse();
        assertThat(position.matcher("/api/v1/releases/x/waiting-room/entries").lookingAt()).isFalse();
        assertThat(position.matcher("/api/v1/releases//waiting-room/position").lookingAt())
                .as("an empty segment is not one").isFalse();

        Pattern uploads = UpstreamAdmission.prefixPattern("/api/v1/uploads");
        assertThat(uploads.matcher("/api/v1/uploads/5a1e7c2b").lookingAt()).isTrue();
        assertThat(UpstreamAdmission.prefixPattern("/api/v1/up.oads").matcher("/api/v1/upXoads").lookingAt())
                .as("a dot is a dot").isFalse();
    }
}
