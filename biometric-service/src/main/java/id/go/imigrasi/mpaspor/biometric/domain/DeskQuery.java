package id.go.imigrasi.mpaspor.biometric.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What an officer's search at the desk matches (issue 22: find an applicant who lost the booking code or comes back
 * for the passport), by the shape of what was typed:
 * <ul>
 * <li>16 digits (spaces allowed, as printed on the e-KTP): the NIK, exactly;</li>
 * <li>a booking code ({@link BookingCode#normalize}: 8 characters of its alphabet, case ignored): exactly, and as a
 * part of a name too (an 8-letter name such as "HARYANTA" is also a well-formed code);</li>
 * <li>one letter and 7 digits: a passport number, exactly;</li>
 * <li>anything else of at least {@link #MIN_NAME} letters: a part of the applicant's name, case ignored.</li>
 * </ul>
 * Shorter names are refused (empty): a search for "a" would list the whole office. The office is never part of the
 * query: the service adds the officer's own.
 */
public record DeskQuery(Kind kind, String value) {

    public static final int MIN_NAME = 3;
    public static final int MAX_LENGTH = 100;

    public enum Kind {
        NIK, BOOKING_CODE, PASSPORT_NUMBER, NAME
    }

    public static Optional<DeskQuery> of(String typed) {
        if (typed == null || typed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String compact = typed.replaceAll("\\s", "");
        if (compact.matches("\\d{16}")) {
            return Optional.of(new DeskQuery(Kind.NIK, compact));
        }
        String upper = compact.toUpperCase(Locale.ROOT);
        if (upper.matches("[A-Z]\\d{" + PassportNumber.DIGITS + "}")) {
            return Optional.of(new DeskQuery(Kind.PASSPORT_NUMBER, upper));
        }
        String code = BookingCode.normalize(typed);
        if (code != null) {
            return Optional.of(new DeskQuery(Kind.BOOKING_CODE, code));
        }
        String name = typed.strip().replaceAll("\\s+", " ");
        if (name.codePoints().filter(Character::isLetter).count() < MIN_NAME) {
            return Optional.empty();
        }
        return Optional.of(new DeskQuery(Kind.NAME, name));
    }

    /** The name as a LIKE pattern: its own % and _ are literal, it matches anywhere in the name. */
    public String likePattern() {
        return "%" + value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
