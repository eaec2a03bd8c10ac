package id.go.imigrasi.mpaspor.application.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.domain.CorrectionRules.Window;

class CorrectionRulesTest {

    @Test
    void contactAndTravelPurposeAreCorrectableIdentityAndBookingAreTheOffices() {
        assertThat(CorrectionRules.Field.of("address")).contains(CorrectionRules.Field.ADDRESS);
        assertThat(CorrectionRules.Field.of("phone")).contains(CorrectionRules.Field.PHONE);
        assertThat(CorrectionRules.Field.of("travelPurpose")).contains(CorrectionRules.Field.TRAVEL_PURPOSE);
        for (String identity : new String[] { "fullName", "nik", "birthDate", "birthPlace", "sex", "motherName" }) {
            assertThat(CorrectionRules.officeOnly(identity)).as(identity).contains("correction.identity-at-office");
            assertThat(CorrectionRules.Field.of(identity)).isEmpty();
        }
        for (String booked : new String[] { "applicationType", "passportKind", "validityYears", "sameDayService" }) {
            assertThat(CorrectionRules.officeOnly(booked)).as(booked).contains("correction.booking-at-office");
        }
        assertThat(CorrectionRules.officeOnly("address")).isEmpty();
    }

    @Test
    void correctionsAreOpenFromSubmissionUntilCheckIn() {
        assertThat(CorrectionRules.window(ApplicationStatus.DRAFT, false)).isEqualTo(Window.NOT_SUBMITTED);
        assertThat(CorrectionRules.window(ApplicationStatus.SUBMITTED, false)).isEqualTo(Window.OPEN);
        assertThat(CorrectionRules.window(ApplicationStatus.PAID, false)).isEqualTo(Window.OPEN);
        assertThat(CorrectionRules.window(ApplicationStatus.APPOINTMENT_SCHEDULED, false)).isEqualTo(Window.OPEN);
        assertThat(CorrectionRules.window(ApplicationStatus.APPOINTMENT_SCHEDULED, true)).isEqualTo(Window.CHECKED_IN);
        assertThat(CorrectionRules.window(ApplicationStatus.IN_PROCESS, false)).isEqualTo(Window.CHECKED_IN);
        assertThat(CorrectionRules.window(ApplicationStatus.CANCELLED, false)).isEqualTo(Window.FINISHED);
        assertThat(CorrectionRules.window(ApplicationStatus.DELIVERED, true)).isEqualTo(Window.FINISHED);
    }
}
