package id.go.imigrasi.mpaspor.billing.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.contracts.application.SubmittedApplicant;

/**
 * The fee rule (PP 45/2024) in one place: per applicant the passport fee for its kind and validity, plus the
 * same-day surcharge when asked for. Amounts come from configuration. An applicant the tariff cannot price (an
 * unknown kind or validity, a minor with more than the minors' maximum validity) is refused with
 * {@link UnpriceableApplicant}: billing never guesses a fee.
 */
public final class Tariff {

    /** One line of the bill. */
    public record Line(String applicantId, String applicantName, String item, String description, long amount) {
    }

    public static class UnpriceableApplicant extends RuntimeException {
        public UnpriceableApplicant(String message) {
            super(message);
        }
    }

    private final Map<String, Long> passportFees;
    /** The service line whose bookings pay the same-day surcharge. */
    public static final String SAME_DAY = "SAME_DAY";

    private final long sameDaySurcharge;
    private final int adultAge;
    private final int minorMaxValidity;
    private final ZoneId zone;

    public Tariff(BillingConfig.Fees fees, ZoneId zone) {
        this(fees.passport(), fees.sameDaySurcharge(), fees.adultAge(), fees.minorMaxValidityYears(), zone);
    }

    public Tariff(Map<String, Long> passportFees, long sameDaySurcharge, int adultAge, int minorMaxValidity,
            ZoneId zone) {
        this.passportFees = Map.copyOf(passportFees);
        this.sameDaySurcharge = sameDaySurcharge;
        this.adultAge = adultAge;
        this.minorMaxValidity = minorMaxValidity;
        this.zone = zone;
    }

    /**
     * The lines of a fee quote: each applicant's same-day surcharge follows their own {@code sameDayService} (there
     * is no booking yet).
     */
    public List<Line> linesFor(List<SubmittedApplicant> applicants, Instant submittedAt) {
        return linesFor(applicants, submittedAt, null);
    }

    /**
     * The bill's lines for the applicants of one application, submitted at {@code submittedAt} with a hold of
     * {@code serviceLine}. The same-day surcharge follows the booked line (issue 22): every applicant of a SAME_DAY
     * booking pays it, no applicant of a REGULAR one does (application-service refused any applicant whose choice
     * differs from the hold's line). For an event from before the line travelled with it ({@code serviceLine} null),
     * each applicant's own choice decides.
     */
    public List<Line> linesFor(List<SubmittedApplicant> applicants, Instant submittedAt, String serviceLine) {
        if (applicants == null || applicants.isEmpty()) {
            throw new UnpriceableApplicant("an application without applicants cannot be billed");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < applicants.size(); i++) {
            SubmittedApplicant a = applicants.get(i);
            if (a == null || a.fullName() == null || a.fullName().isBlank()) {
                throw new UnpriceableApplicant("applicant " + i + " has no name");
            }
            String kind = a.passportKind() == null ? "" : a.passportKind().trim().toUpperCase();
            Long fee = passportFees.get(kind.toLowerCase() + "-" + a.validityYears());
            if (fee == null || !(kind.equals("ORDINARY") || kind.equals("ELECTRONIC"))) {
                throw new UnpriceableApplicant("applicant " + i + ": no fee for a " + a.passportKind() + " passport of "
                        + a.validityYears() + " years");
            }
            if (a.birthDate() != null && submittedAt != null && isMinor(a.birthDate(), submittedAt)
                    && a.validityYears() > minorMaxValidity) {
                throw new UnpriceableApplicant("applicant " + i + " is a minor: at most " + minorMaxValidity
                        + " years validity, asked " + a.validityYears());
            }
            lines.add(new Line(a.applicantId(), a.fullName().trim(),
                    "PASSPORT_" + kind + "_" + a.validityYears() + "Y",
                    (kind.equals("ELECTRONIC") ? "Paspor elektronik" : "Paspor biasa") + ", masa berlaku "
                            + a.validityYears() + " tahun",
                    fee));
            if (serviceLine == null ? a.sameDayService() : SAME_DAY.equals(serviceLine)) {
                lines.add(new Line(a.applicantId(), a.fullName().trim(), "SAME_DAY_SERVICE",
                        "Layanan percepatan paspor (selesai hari yang sama)", sameDaySurcharge));
            }
        }
        return lines;
    }

    public static long total(List<Line> lines) {
        return lines.stream().mapToLong(Line::amount).sum();
    }

    private boolean isMinor(LocalDate birthDate, Instant at) {
        return Period.between(birthDate, at.atZone(zone).toLocalDate()).getYears() < adultAge;
    }
}
