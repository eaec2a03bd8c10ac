package id.go.imigrasi.mpaspor.biometric.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The code the applicant shows (as text or QR) at check-in: 8 characters from an alphabet without the look-alikes
 * 0/O, 1/I (32 symbols, 40 bits, drawn with SecureRandom, so codes cannot be guessed). Officers may type it in
 * lower case. Uniqueness is the database's {@code appointment.booking_code UNIQUE}.
 */
public final class BookingCode {

    public static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 8;
    private static final Pattern FORMAT = Pattern.compile("[A-HJ-NP-Z2-9]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingCode() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The code as typed or scanned, upper-cased and trimmed; null when it cannot be a booking code. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        return FORMAT.matcher(code).matches() ? code : null;
    }
}
