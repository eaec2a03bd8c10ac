package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.checkIn;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.data;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.kafka;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officer;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.scheduleOne;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.AtOnce;
import id.go.imigrasi.mpaspor.biometric.service.Housekeeping;
import id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.Booked;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.biometric.support.TestClock;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * An appointment not checked in by the end of its day (office time, WIB) becomes NO_SHOW with NoShow, exactly
 * once even when two instances run the job at the same moment. (The scheduler is off in tests; the job is run
 * here explicitly.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NoShowTest {

    private static final LocalDate DAY = LocalDate.of(2027, 8, 3);

    @Inject
    TestClock clock;

    @Inject
    Housekeeping housekeeping;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private int runTwoInstancesAtOnce() throws Exception {
        return AtOnce.twice(() -> VertxContextSupport.subscribeAndAwait(() -> housekeeping.markNoShows()))
                .stream().mapToInt(Integer::intValue).sum();
    }

    @Test
    void appointmentNotCheckedInByTheEndOfItsDayBecomesNoShowOnceWithAnEvent() throws Throwable {
        Booked absent = scheduleOne(DAY, "ORDINARY");
        Booked present = scheduleOne(DAY, "ORDINARY");
        Booked tomorrow = scheduleOne(DAY.plusDays(1), "ORDINARY");
        clock.setOfficeTime(DAY, LocalTime.of(8, 0));
        checkIn(officer(), present.bookingCode(), present.nik()).statusCode(200);

        // 23:59 WIB on the day: still time (16:59 UTC)
        clock.setOfficeTime(DAY, LocalTime.of(23, 59));
        VertxContextSupport.subscribeAndAwait(() -> housekeeping.markNoShows());
        assertThat(status(absent.id())).isEqualTo("SCHEDULED");

        // 00:05 WIB the next day (still the appointment day in UTC): the day is over at the office
        clock.setOfficeTime(DAY.plusDays(1), LocalTime.of(0, 5));
        int marked = runTwoInstancesAtOnce();
        assertThat(marked).isGreaterThanOrEqualTo(1);
        assertThat(status(absent.id())).isEqualTo("NO_SHOW");
        assertThat(status(present.id())).isEqualTo("CHECKED_IN");
        assertThat(status(tomorrow.id())).isEqualTo("SCHEDULED");
        assertThat(outboxEvents(absent.applicationId(), "NoShow")).isEqualTo(1);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            var event = data(probe.await(r -> absent.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.biometric.NoShow.v1"), Duration.ofSeconds(30)));
            assertThat(event.get("appointmentId").asText()).isEqualTo(absent.id());
            assertThat(event.get("date").asText()).isEqualTo("2027-08-03");
        }
        // a no-show cannot check in any more
        checkIn(officer(), absent.bookingCode(), absent.nik()).statusCode(409)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/appointment-closed"));
    }
}
