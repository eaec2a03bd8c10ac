package id.go.imigrasi.mpaspor.application.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The NIK (Nomor Induk Kependudukan), {@code PP KK CC DDMMYY SSSS}: province, regency/city, district, birth date
 * (females add 40 to the day), serial. {@link #check} lists every rule the NIK breaks against the birth date and
 * sex the applicant gave, each as its own message code, so a typo is pointed at precisely.
 */
public final class Nik {

    /** Province codes (kode wilayah Kemendagri) (DOMAIN.md: 11..94; NIKs carry the province of first registration). */
    public static final Set<Integer> PROVINCES = Set.of(11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35,
            36, 51, 52, 53, 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94);

    /** A broken rule: the field it concerns ({@code nik}, {@code birthDate} or {@code sex}) and its message code. */
    public record Violation(String field, String code) {
    }

    private Nik() {
    }

    /**
     * Every rule the NIK breaks. Format errors stop the check (nothing else can be read); otherwise the province,
     * the encoded date, the serial, and the agreement with {@code birthDate} and {@code sex} are each reported.
     */
    public static List<Violation> check(String nik, LocalDate birthDate, Sex sex) {
        List<Violation> out = new ArrayList<>();
        if (nik == null || !nik.matches("[0-9]{16}")) {
            out.add(new Violation("nik", "validation.nik-format"));
            return out;
        }
        int province = Integer.parseInt(nik.substring(0, 2));
        if (!PROVINCES.contains(province)) {
            out.add(new Violation("nik", "validation.nik-province"));
        }
        if (nik.substring(2, 4).equals("00") || nik.substring(4, 6).equals("00")) {
            out.add(new Violation("nik", "validation.nik-region"));
        }
        int dd = Integer.parseInt(nik.substring(6, 8));
        int mm = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        boolean female = dd > 40;
        int day = female ? dd - 40 : dd;
        if (day < 1 || day > 31 || mm < 1 || mm > 12 || !validDayInMonth(day, mm, yy)) {
            out.add(new Violation("nik", "validation.nik-date"));
        } else if (birthDate != null) {
            if (birthDate.getDayOfMonth() != day || birthDate.getMonthValue() != mm || birthDate.getYear() % 100 != yy) {
                out.add(new Violation("birthDate", "validation.nik-birth-date-mismatch"));
            }
        }
        if (nik.substring(12).equals("0000")) {
            out.add(new Violation("nik", "validation.nik-serial"));
        }
        if (sex != null && (day >= 1 && day <= 31) && (sex == Sex.FEMALE) != female) {
            out.add(new Violation("sex", "validation.nik-sex-mismatch"));
        }
        return out;
    }

    /** The day exists in that month in some year ending in {@code yy} (29 February needs a leap year). */
    private static boolean validDayInMonth(int day, int month, int yy) {
        for (int century : new int[] { 1900, 2000 }) {
            try {
                LocalDate.of(century + yy, month, day);
                return true;
            } catch (DateTimeException invalid) {
                // try the other century
            }
        }
        return false;
    }
}
