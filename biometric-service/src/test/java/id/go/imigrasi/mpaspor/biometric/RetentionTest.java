package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.count;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.rows;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.scheduleOne;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.biometric.service.Retention;
import id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.Booked;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.biometric.support.TestClock;
import id.go.imigrasi.mpaspor.platform.retention.RetentionMetrics;
import id.go.imigrasi.mpaspor.testkit.AtOnce;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The retention rule of biometric-service (issue 23): an appointment closed without a passport, its day more than 90
 * days past, loses the person's name and NIKs, and its booking the applicants; one closed recently, or one that led to
 * a passport (the record of the handover), keeps them. Two instances at once anonymise and count each row once.
 * Appointments are scheduled through the real events, then moved into the past in the database.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RetentionTest {

    @Inject
    Retention retention;

    @Inject
    RetentionMetrics metrics;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The appointment (and its booking) were on a day {@code daysAgo} days ago and ended in {@code status}. */
    private static void closed(Booked b, String status, int daysAgo) {
        LocalDate day = LocalDate.now().minusDays(daysAgo);
        update("UPDATE appointment SET status = ?, date = ?, closed_at = now() WHERE id = ?::uuid", status, day, b.id());
        update("UPDATE booking SET date = ? WHERE application_id = ?", day, b.applicationId());
    }

    private static Map<String, Object> row(Booked b) {
        return rows("SELECT full_name, nik, collector_name, collector_nik, family_card_number, anonymised_at, status"
                + " FROM appointment WHERE id = ?::uuid", b.id()).get(0);
    }

    private static String applicants(Booked b) {
        return (String) rows("SELECT applicants FROM booking WHERE application_id = ?", b.applicationId()).get(0)
                .get("applicants");
    }

    private double counted(String kind) {
        return metrics.task(Retention.TASK).deletedCount(kind);
    }

    @Test
    void appointmentsClosedWithoutAPassportLongAgoAreAnonymisedOnceWhileThePassportRecordStays() throws Throwable {
        LocalDate future = LocalDate.now().plusDays(20);
        Booked noShow = scheduleOne(future, "ORDINARY");
        Booked rejected = scheduleOne(future, "ORDINARY");
        Booked recent = scheduleOne(future, "ORDINARY");
        Booked collected = scheduleOne(future, "ORDINARY");
        closed(noShow, "NO_SHOW", 91);
        closed(rejected, "REJECTED", 200);
        update("UPDATE appointment SET collector_name = 'Siti Aminah', collector_nik = ?, family_card_number = ?"
                + " WHERE id = ?::uuid", "3171010101800001", "3171010101800002", rejected.id());
        closed(recent, "NO_SHOW", 89);
        closed(collected, "COLLECTED", 400);
        update("UPDATE appointment SET passport_number = ?, collected_by = 'APPLICANT', handed_over_at = now()"
                + " WHERE id = ?::uuid", "T" + String.valueOf(System.nanoTime()).substring(0, 7), collected.id());
        double appointmentsBefore = counted(Retention.APPOINTMENTS);
        double bookingsBefore = counted(Retention.BOOKINGS);
        assertThat(applicants(noShow)).contains(noShow.nik());

        List<Retention.Report> runs = AtOnce.twice(() -> VertxContextSupport.subscribeAndAwait(retention::run));

        for (Booked old : List.of(noShow, rejected)) {
            Map<String, Object> r = row(old);
            assertThat(r.get("full_name")).as("name of %s", old.id()).isEqualTo("");
            assertThat(r.get("nik")).isEqualTo("0000000000000000");
            assertThat(r.get("collector_name")).isNull();
            assertThat(r.get("collector_nik")).isNull();
            assertThat(r.get("family_card_number")).isNull();
            assertThat(r.get("anonymised_at")).isNotNull();
            assertThat(applicants(old)).isEqualTo("[]");
        }
        assertThat(row(rejected).get("status")).as("the outcome stays").isEqualTo("REJECTED");
        assertThat(row(recent).get("nik")).as("closed 89 days ago").isEqualTo(recent.nik());
        assertThat(applicants(recent)).contains(recent.nik());
        assertThat(row(collected).get("nik")).as("the passport's record").isEqualTo(collected.nik());
        assertThat(row(collected).get("full_name")).isEqualTo("Budi Santoso");
        assertThat(applicants(collected)).contains(collected.nik());

        assertThat(runs.get(0).appointments() + runs.get(1).appointments()).isEqualTo(2);
        assertThat(runs.get(0).bookings() + runs.get(1).bookings()).isEqualTo(2);
        assertThat(counted(Retention.APPOINTMENTS) - appointmentsBefore).isEqualTo(2.0);
        assertThat(counted(Retention.BOOKINGS) - bookingsBefore).isEqualTo(2.0);
        assertThat(VertxContextSupport.subscribeAndAwait(retention::run)).as("a second run")
                .isEqualTo(new Retention.Report(0, 0));
        assertThat(count("SELECT count(*) FROM appointment WHERE nik = '0000000000000000' AND id IN (?::uuid,"
                + " ?::uuid, ?::uuid, ?::uuid)", noShow.id(), rejected.id(), recent.id(), collected.id())).isEqualTo(2);
    }
}
