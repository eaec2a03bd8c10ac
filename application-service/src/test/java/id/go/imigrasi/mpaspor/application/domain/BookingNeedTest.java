package id.go.imigrasi.mpaspor.application.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.platform.problem.FieldError;

/** The rule tying the questionnaire's service line and passport kind to the hold (issue 22), without a framework. */
class BookingNeedTest {

    private static Applicant applicant(String name, PassportKind kind, boolean sameDay) {
        Applicant a = new Applicant();
        a.fullName = name;
        a.passportKind = kind;
        a.sameDayService = sameDay;
        return a;
    }

    private static final Applicant SITI_E_SAME_DAY = applicant("Siti", PassportKind.ELECTRONIC, true);
    private static final Applicant BUDI_E_SAME_DAY = applicant("Budi", PassportKind.ELECTRONIC, true);
    private static final Applicant ANI_ORDINARY_REGULAR = applicant("Ani", PassportKind.ORDINARY, false);
    private static final Applicant DODI_ORDINARY_SAME_DAY = applicant("Dodi", PassportKind.ORDINARY, true);

    @Test
    void theNeedFollowsTheApplicants() {
        assertThat(BookingNeed.of(List.of(SITI_E_SAME_DAY, BUDI_E_SAME_DAY)))
                .isEqualTo(new BookingNeed("SAME_DAY", "ELECTRONIC"));
        assertThat(BookingNeed.of(List.of(ANI_ORDINARY_REGULAR))).isEqualTo(new BookingNeed("REGULAR", "ORDINARY"));
        // one e-passport applicant makes the whole hold an e-passport hold
        assertThat(BookingNeed.of(List.of(DODI_ORDINARY_SAME_DAY, SITI_E_SAME_DAY)).passportKind())
                .isEqualTo("ELECTRONIC");
        // same-day and regular applicants cannot share one hold: no line fits them all
        assertThat(BookingNeed.of(List.of(SITI_E_SAME_DAY, ANI_ORDINARY_REGULAR)).service()).isNull();
    }

    @Test
    void anElectronicHoldServesBothKindsAnOrdinaryOneOnlyOrdinaryPassports() {
        List<Applicant> family = List.of(ANI_ORDINARY_REGULAR, SITI_E_SAME_DAY, BUDI_E_SAME_DAY);
        assertThat(BookingNeed.passportKindMisfits(family, "ELECTRONIC")).isEmpty();
        assertThat(BookingNeed.passportKindMisfits(List.of(ANI_ORDINARY_REGULAR), "ORDINARY")).isEmpty();
        List<FieldError> misfits = BookingNeed.passportKindMisfits(family, "ORDINARY");
        assertThat(misfits).extracting(FieldError::field)
                .containsExactly("applicants[1].passportKind", "applicants[2].passportKind");
        assertThat(misfits.get(0).code()).isEqualTo("submission.electronic-needs-electronic-hold");
        assertThat(misfits.get(0).args()).containsExactly("Siti");
        // a hold announced before the kind travelled with it counts as ORDINARY (quota's default then)
        assertThat(BookingNeed.passportKindMisfits(List.of(SITI_E_SAME_DAY), null)).hasSize(1);
    }

    @Test
    void eachApplicantsSameDayChoiceMustBeTheHoldsLine() {
        assertThat(BookingNeed.serviceLineMisfits(List.of(SITI_E_SAME_DAY, DODI_ORDINARY_SAME_DAY), "SAME_DAY"))
                .isEmpty();
        assertThat(BookingNeed.serviceLineMisfits(List.of(ANI_ORDINARY_REGULAR), "REGULAR")).isEmpty();
        // a same-day applicant with a regular hold
        assertThat(BookingNeed.serviceLineMisfits(List.of(SITI_E_SAME_DAY), "REGULAR"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("applicants[0].sameDayService",
                        "submission.same-day-needs-same-day-hold"));
        // a regular applicant cannot take a same-day place, even beside a same-day one
        assertThat(BookingNeed.serviceLineMisfits(List.of(SITI_E_SAME_DAY, ANI_ORDINARY_REGULAR), "SAME_DAY"))
                .extracting(FieldError::field, FieldError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("applicants[1].sameDayService",
                        "submission.regular-in-same-day-hold"));
    }
}
