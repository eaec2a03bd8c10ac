package id.go.imigrasi.mpaspor.load;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The desk scenario's appointments (issue 19): {@code OFFICERS} officers at each of {@code OFFICES}, each with
 * {@code APPOINTMENTS} applicants of their own booked today. One CSV line per appointment, {@code appointment id,
 * application id,applicant id,account id,NIK,office,booking code,officer,date}, which bench.sh copies into
 * biometric-service's {@code appointment} (status SCHEDULED on the office's today: ready to check in) and
 * {@link DeskScenario} reads to know whom each officer serves. The application ids start with
 * {@value #APPLICATION_PREFIX}, so the clean-up finds them. Usage: {@code DeskSeed RUN OFFICES OFFICERS APPOINTMENTS}.
 */
public final class DeskSeed {

    public static final String APPLICATION_PREFIX = "desk-bench-";
    /** Booking codes: 8 of these (no 0 O 1 I), as biometric-service's BookingCode makes them. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** NIK indexes of the desk's applicants, far above the accounts' (Nik.of(run, i), i < a few tens of thousands). */
    static final int NIK_BASE = 50_000_000;

    private DeskSeed() {
    }

    /**
     * Today as biometric-service's check-in sees it: the date in office time (WIB), shifted by
     * {@code MPASPOR_BIOMETRIC_CLOCK_OFFSET} when the system was started with one (the e2e run sets the office clock
     * to its appointment day; a desk booked on the real today was then refused as WRONG_DATE, 422).
     */
    static LocalDate officeToday(String clockOffset) {
        Duration offset = clockOffset == null || clockOffset.isBlank() ? Duration.ZERO : Duration.parse(clockOffset);
        return ZonedDateTime.now(ZoneId.of("Asia/Jakarta")).plus(offset).toLocalDate();
    }

    public static void main(String[] args) {
        int run = Integer.parseInt(args[0]);
        List<String> offices = List.of(args[1].split(","));
        int officers = Integer.parseInt(args[2]);
        int appointments = Integer.parseInt(args[3]);
        LocalDate today = officeToday(System.getenv("MPASPOR_BIOMETRIC_CLOCK_OFFSET"));
        Random random = new Random(run);
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (int o = 0; o < offices.size(); o++) {
            for (int officer = 0; officer < officers; officer++) {
                for (int a = 0; a < appointments; a++, i++) {
                    StringBuilder code = new StringBuilder();
                    for (int c = 0; c < 8; c++) {
                        code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                    out.append(UUID.randomUUID()).append(',').append(APPLICATION_PREFIX).append(run).append('-')
                            .append(i).append(',').append("desk-applicant-").append(run).append('-').append(i)
                            .append(',').append(UUID.randomUUID()).append(',').append(Nik.of(run, NIK_BASE + i))
                            .append(',').append(offices.get(o)).append(',').append(code).append(',')
                            .append(offices.get(o)).append('-').append(officer).append(',').append(today)
                            .append('\n');
                }
            }
        }
        System.out.print(out);
    }
}
