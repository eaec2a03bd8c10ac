package id.go.imigrasi.mpaspor.testkit;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * NIKs for tests, in the shape DOMAIN.md gives ({@code PP KK CC DDMMYY SSSS}: province, regency, district, the birth
 * date with 40 added to the day for women, a serial), different on every call so tests sharing a database never
 * collide. {@link #random()} when only uniqueness matters (quota, biometric); {@link #of} when the service checks
 * the NIK against the applicant's birth date and sex (application-service, the Dukcapil stub).
 */
public final class Niks {

    private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(9_999));

    private Niks() {
    }

    /** A fresh 16-digit NIK of province 32 (Jawa Barat); nothing else about it is meant. */
    public static String random() {
        return "32" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
    }

    /** A fresh NIK of province 31 (DKI Jakarta) that agrees with {@code birthDate} and {@code sex} (MALE, FEMALE). */
    public static String of(LocalDate birthDate, String sex) {
        int day = birthDate.getDayOfMonth() + ("FEMALE".equals(sex) ? 40 : 0);
        int regency = ThreadLocalRandom.current().nextInt(1, 100);
        int district = ThreadLocalRandom.current().nextInt(1, 100);
        int serial = SERIAL.incrementAndGet() % 9_999 + 1;
        return String.format("31%02d%02d%02d%02d%02d%04d", regency, district, day, birthDate.getMonthValue(),
                birthDate.getYear() % 100, serial);
    }
}
