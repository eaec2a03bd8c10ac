package id.go.imigrasi.mpaspor.biometric.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PassportNumberAndBookingCodeTest {

    private static final Map<String, String> PREFIXES = Map.of("ordinary", "C", "electronic", "X");

    @Test
    void passportNumberIsTheKindsLetterAndSevenDigits() {
        assertThat(PassportNumber.of("ORDINARY", 123, PREFIXES)).isEqualTo("C0000123");
        assertThat(PassportNumber.of("ELECTRONIC", 9_999_999, PREFIXES)).isEqualTo("X9999999");
        assertThatThrownBy(() -> PassportNumber.of("DIPLOMATIC", 1, PREFIXES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PassportNumber.of("ORDINARY", 10_000_000, PREFIXES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bookingCodesUseNoLookAlikesAndAreNormalizedAsTyped() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String code = BookingCode.next();
            assertThat(code).matches("[A-HJ-NP-Z2-9]{8}");
            codes.add(code);
        }
        assertThat(codes).hasSize(1_000);
        assertThat(BookingCode.normalize(" ab3d ef7h ".replace(" ", "") + " ")).isEqualTo("AB3DEF7H");
        assertThat(BookingCode.normalize("AB0DEF7H")).as("0 is not in the alphabet").isNull();
        assertThat(BookingCode.normalize("ABC")).isNull();
        assertThat(BookingCode.normalize(null)).isNull();
    }
}
