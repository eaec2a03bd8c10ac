package id.go.imigrasi.mpaspor.account.service;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email and Indonesian mobile numbers, normalised. */
public final class Contacts {

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$");
    /** After the country code: 8, then 8 to 11 digits (0812-3456-7890 → +6281234567890). */
    private static final Pattern MOBILE = Pattern.compile("^8\\d{8,11}$");

    private Contacts() {
    }

    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.trim()).matches();
    }

    /** {@code 0812-3456-7890}, {@code +62 812 3456 7890}, {@code 6281234567890} → {@code +6281234567890}. */
    public static Optional<String> normalizePhone(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        String digits = phone.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+62")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("62")) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = digits.substring(1);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of("+62" + digits) : Optional.empty();
    }
}
