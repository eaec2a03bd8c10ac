package id.go.imigrasi.mpaspor.application.domain;

import java.util.ArrayList;
import java.util.List;

import id.go.imigrasi.mpaspor.platform.problem.FieldError;

/**
 * The one rule tying the questionnaire to the quota hold (issue 22): the service line and the passport kind are one
 * fact from the applicant's answers to the hold, the bill, the appointment and the approval.
 * <ul>
 * <li><b>Service line.</b> A hold takes places of one line. An applicant who asked for same-day service (percepatan)
 * needs places of the SAME_DAY line, which has its own daily quota; a regular applicant cannot take one of them. So
 * an application is booked on SAME_DAY when all its applicants asked for it, on REGULAR when none did, and cannot
 * be booked with one hold when they differ ({@link #service()} is null: each applicant is told which way they
 * differ from the hold they bring).</li>
 * <li><b>Passport kind.</b> A date may be closed to electronic passports while ordinary ones are still issued (no
 * blank e-passport books). A hold taken as ELECTRONIC was checked open to e-passports and serves both kinds; one
 * taken as ORDINARY serves ordinary passports only. So an application with any e-passport applicant needs an
 * ELECTRONIC hold.</li>
 * </ul>
 * The website books with {@link #of} (it is on the application's view as {@code booking}); submission checks the
 * hold with {@link #passportKindMisfits} and {@link #serviceLineMisfits}.
 */
public record BookingNeed(String service, String passportKind) {

    public static final String REGULAR = "REGULAR";
    public static final String SAME_DAY = "SAME_DAY";

    /** What a hold for these applicants must be; {@code service} is null when they disagree on same-day service. */
    public static BookingNeed of(List<Applicant> applicants) {
        long sameDay = applicants.stream().filter(a -> a.sameDayService).count();
        String service = sameDay == 0 ? REGULAR : sameDay == applicants.size() ? SAME_DAY : null;
        boolean electronic = applicants.stream().anyMatch(a -> a.passportKind == PassportKind.ELECTRONIC);
        return new BookingNeed(service, (electronic ? PassportKind.ELECTRONIC : PassportKind.ORDINARY).name());
    }

    /** One field error per e-passport applicant when the hold was taken for ordinary passports only. */
    public static List<FieldError> passportKindMisfits(List<Applicant> people, String holdKind) {
        List<FieldError> misfits = new ArrayList<>();
        if (PassportKind.ELECTRONIC.name().equals(holdKind)) {
            return misfits;
        }
        for (int i = 0; i < people.size(); i++) {
            if (people.get(i).passportKind == PassportKind.ELECTRONIC) {
                misfits.add(FieldError.of("applicants[" + i + "].passportKind", "submission.electronic-needs-electronic-hold",
                        people.get(i).fullName));
            }
        }
        return misfits;
    }

    /** One field error per applicant whose same-day choice differs from the hold's line. */
    public static List<FieldError> serviceLineMisfits(List<Applicant> people, String holdService) {
        boolean sameDayHold = SAME_DAY.equals(holdService);
        List<FieldError> misfits = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Applicant a = people.get(i);
            if (a.sameDayService != sameDayHold) {
                misfits.add(FieldError.of("applicants[" + i + "].sameDayService", a.sameDayService
                        ? "submission.same-day-needs-same-day-hold" : "submission.regular-in-same-day-hold", a.fullName));
            }
        }
        return misfits;
    }
}
