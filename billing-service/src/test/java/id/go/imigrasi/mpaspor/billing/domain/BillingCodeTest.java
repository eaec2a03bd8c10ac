package id.go.imigrasi.mpaspor.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BillingCodeTest {

    @Test
    void codeIsFifteenDigitsWithThePrefixAndAValidCheckDigit() {
        for (long s = 1; s < 1_000; s++) {
            String code = BillingCode.of(8, s);
            assertThat(code).hasSize(15).matches("8\\d{14}");
            assertThat(BillingCode.isValid(code)).isTrue();
        }
        assertThat(BillingCode.of(8, 9_999_999_999_999L)).hasSize(15);
    }

    @Test
    void everySingleDigitErrorIsDetected() {
        String code = BillingCode.of(8, 42);
        for (int i = 0; i < 15; i++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == code.charAt(i)) {
                    continue;
                }
                String typo = code.substring(0, i) + d + code.substring(i + 1);
                assertThat(BillingCode.isValid(typo)).as("typo at %d: %s", i, typo).isFalse();
            }
        }
    }

    @Test
    void swappedAdjacentDigitsAreDetectedExceptTheLuhnBlindSpot() {
        for (long s = 1; s < 200; s++) {
            String code = BillingCode.of(8, s);
            for (int i = 0; i < 14; i++) {
                char a = code.charAt(i);
                char b = code.charAt(i + 1);
                if (a == b || (a == '0' && b == '9') || (a == '9' && b == '0')) {
                    continue;
                }
                String swapped = code.substring(0, i) + b + a + code.substring(i + 2);
                assertThat(BillingCode.isValid(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void distinctSequenceValuesNeverShareACodeAndNeighboursAreNotConsecutive() {
        Set<String> seen = new HashSet<>();
        for (long s = 1; s <= 200_000; s++) {
            assertThat(seen.add(BillingCode.of(8, s))).as("sequence %d", s).isTrue();
        }
        long first = Long.parseLong(BillingCode.of(8, 1).substring(1, 14));
        long second = Long.parseLong(BillingCode.of(8, 2).substring(1, 14));
        assertThat(Math.abs(second - first)).isGreaterThan(1_000_000L);
    }

    @Test
    void malformedCodesAreInvalid() {
        assertThat(BillingCode.isValid(null)).isFalse();
        assertThat(BillingCode.isValid("12345")).isFalse();
        assertThat(BillingCode.isValid("8abcdefghijklmn")).isFalse();
        assertThat(BillingCode.isValid(BillingCode.of(8, 7) + "0")).isFalse();
    }
}
