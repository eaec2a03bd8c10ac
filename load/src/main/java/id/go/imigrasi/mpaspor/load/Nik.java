package id.go.imigrasi.mpaspor.load;

import java.time.LocalDate;

/**
 * Valid, unique NIKs for virtual applicants (DOMAIN.md): {@code PP KK CC DDMMYY SSSS}, province 11..94, a real
 * birth date with 40 added to the day for women, serial 0001..9999. The {@code index} makes each NIK unique within
 * a run ({@code 0 <= index < CAPACITY}); {@code run} varies the region and date between runs.
 */
public final class Nik {

    /** Distinct NIKs per run: birth dates over ~27 years × 9,999 serials is far more; this is what we promise. */
    public static final int CAPACITY = 9_999 * 10_000;

    private static final LocalDate FIRST_BIRTH_DATE = LocalDate.of(1970, 1, 1);

    /** The real province codes (11 Aceh .. 94 Papua): application-service refuses any other. */
    private static final int[] PROVINCES = { 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
            61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94 };

    private Nik() {
    }

    public static String of(int run, int index) {
        if (index < 0 || index >= CAPACITY) {
            throw new IllegalArgumentException("index out of range: " + index);
        }
        int province = PROVINCES[Math.floorMod(run, PROVINCES.length)];
        int regency = 1 + Math.floorMod(run / 84, 79);            // 01..79
        int district = 1 + Math.floorMod(index / 7, 40);          // 01..40
        LocalDate birth = FIRST_BIRTH_DATE.plusDays(Math.floorMod(index / 9_999 + run * 31, 10_000));
        boolean female = (index & 1) == 1;
        int serial = 1 + index % 9_999;                           // 0001..9999
        int day = birth.getDayOfMonth() + (female ? 40 : 0);
        return String.format("%02d%02d%02d%02d%02d%02d%04d", province, regency, district, day,
                birth.getMonthValue(), birth.getYear() % 100, serial);
    }

    /** The birth date a NIK of {@link #of} encodes (born 1970..1997, so YY is 19YY). */
    public static LocalDate birthDate(String nik) {
        int day = Integer.parseInt(nik.substring(6, 8));
        return LocalDate.of(1900 + Integer.parseInt(nik.substring(10, 12)), Integer.parseInt(nik.substring(8, 10)),
                day > 40 ? day - 40 : day);
    }

    public static boolean female(String nik) {
        return Integer.parseInt(nik.substring(6, 8)) > 40;
    }
}
