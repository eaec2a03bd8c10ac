package id.go.imigrasi.mpaspor.application.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The status only moves forward, and a finished application stays finished. */
class ApplicationStatusTest {

    private static Application draft() {
        Application app = new Application();
        app.status = ApplicationStatus.DRAFT;
        app.statusRank = 0;
        return app;
    }

    @Test
    void aLateEventDoesNotMoveTheStatusBack() {
        Application app = draft();
        assertThat(app.advanceTo(ApplicationStatus.PAID)).isTrue();
        assertThat(app.advanceTo(ApplicationStatus.AWAITING_PAYMENT)).isFalse();
        assertThat(app.status).isEqualTo(ApplicationStatus.PAID);
        assertThat(app.advanceTo(ApplicationStatus.BOOKED)).isTrue();
    }

    @Test
    void finishedStaysFinished() {
        Application app = draft();
        app.advanceTo(ApplicationStatus.EXPIRED);
        assertThat(app.advanceTo(ApplicationStatus.DELIVERED)).isFalse();
        assertThat(app.advanceTo(ApplicationStatus.CANCELLED)).isFalse();
        assertThat(app.status).isEqualTo(ApplicationStatus.EXPIRED);
        assertThat(ApplicationStatus.EXPIRED.finished()).isTrue();
        assertThat(ApplicationStatus.AWAITING_PAYMENT.cancellable()).isTrue();
        assertThat(ApplicationStatus.PAID.cancellable()).isFalse();
    }

    @Test
    void anOlderAppointmentChangeDoesNotOverwriteANewerOne() {
        Application app = draft();
        Instant t = Instant.parse("2026-11-22T01:00:00Z");
        app.appointment("JKTSEL", LocalDate.of(2026, 12, 10), "AFTERNOON", t);
        app.appointment("JKTSEL", LocalDate.of(2026, 12, 7), "MORNING", t.minusSeconds(60));
        assertThat(app.appointmentDate).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(app.appointmentSession).isEqualTo("AFTERNOON");
    }
}
