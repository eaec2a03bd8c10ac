package id.go.imigrasi.mpaspor.biometric.domain;

import java.util.Locale;
import java.util.Map;

/**
 * Passport numbers: one prefix letter per passport kind (configured: ordinary {@code C}, electronic {@code X},
 * the letters the current Indonesian series use) followed by 7 digits, the value of the never-cycling database
 * sequence {@code passport_number_seq} zero-padded: {@code C0000123}, {@code X0000124}. Distinct sequence values
 * give distinct numbers; {@code appointment.passport_number UNIQUE} is the second guard.
 */
public final class PassportNumber {

    public static final int DIGITS = 7;

    private PassportNumber() {
    }

    public static String of(String passportKind, long sequence, Map<String, String> prefixes) {
        String prefix = prefixes.get(passportKind.toLowerCase(Locale.ROOT));
        if (prefix == null || !prefix.matches("[A-Z]")) {
            throw new IllegalArgumentException("no passport number prefix for kind " + passportKind);
        }
        if (sequence < 1 || sequence > 9_999_999L) {
            throw new IllegalArgumentException("passport number sequence out of range: " + sequence);
        }
        return prefix + String.format(Locale.ROOT, "%0" + DIGITS + "d", sequence);
    }
}
