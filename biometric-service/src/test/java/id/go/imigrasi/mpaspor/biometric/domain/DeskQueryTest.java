package id.go.imigrasi.mpaspor.biometric.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an officer's search matches, by the shape of what was typed (issue 22), without a framework. */
class DeskQueryTest {

    @Test
    void theShapeOfWhatWasTypedChoosesWhatIsMatched() {
        assertThat(DeskQuery.of("3171 0141 0190 0001")).contains(new DeskQuery(DeskQuery.Kind.NIK, "3171014101900001"));
        assertThat(DeskQuery.of(" k7m2xq9p ")).contains(new DeskQuery(DeskQuery.Kind.BOOKING_CODE, "K7M2XQ9P"));
        assertThat(DeskQuery.of("x1234567")).contains(new DeskQuery(DeskQuery.Kind.PASSPORT_NUMBER, "X1234567"));
        assertThat(DeskQuery.of("  Siti   Rahma ")).contains(new DeskQuery(DeskQuery.Kind.NAME, "Siti Rahma"));
        // 15 digits is no NIK, and has no letters to be a name
        assertThat(DeskQuery.of("317101410190000")).isEmpty();
    }

    @Test
    void tooLittleOfANameOrTooMuchTextIsNoSearch() {
        assertThat(DeskQuery.of("Al")).isEmpty();
        assertThat(DeskQuery.of("A 1 2 3")).isEmpty();
        assertThat(DeskQuery.of(null)).isEmpty();
        assertThat(DeskQuery.of("a".repeat(DeskQuery.MAX_LENGTH + 1))).isEmpty();
        assertThat(DeskQuery.of("Ali")).isPresent();
    }

    @Test
    void aNameIsMatchedAnywhereWithItsWildcardsTakenLiterally() {
        assertThat(DeskQuery.of("Siti").orElseThrow().likePattern()).isEqualTo("%siti%");
        assertThat(DeskQuery.of("50%_Ani\\").orElseThrow().likePattern()).isEqualTo("%50\\%\\_ani\\\\%");
    }
}
