package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.applicant;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.count;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.data;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.kafka;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.publish;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.schedule;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.Booked;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.contracts.account.AccountErased;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.testkit.PersonalDataScan;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 23, erasure: on AccountErased biometric-service deletes the account's bookings and appointments (names, NIKs,
 * booking codes) and confirms with BiometricDataErased, once per event; another account's appointment stays.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccountErasureTest {

    private static final LocalDate DAY = LocalDate.of(2027, 9, 14);
    private static final String ERASED = "mpaspor.biometric.BiometricDataErased.v1";

    @Test
    void anErasedAccountLeavesNoAppointmentNameOrNik() {
        String account = UUID.randomUUID().toString();
        String name = "Wulan Terhapus " + UUID.randomUUID().toString().substring(0, 8);
        ApplicationSubmitted mine = submitted(account, DAY, applicant(name, "ELECTRONIC"));
        ApplicationSubmitted others = submitted(UUID.randomUUID().toString(), DAY, applicant("Dewi Tetap", "ORDINARY"));
        Booked appointment = schedule(mine).get(0);
        Booked othersAppointment = schedule(others).get(0);
        String nik = mine.applicants().get(0).nik();
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0);
        assertThat(PersonalDataScan.traces(RealInfrastructure.database(), nik, name, appointment.bookingCode()))
                .isNotEmpty();

        String eventId = UUID.randomUUID().toString();
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            publish(new AccountErased(account, Instant.now()), eventId);
            var confirmation = probe.await(r -> ERASED.equals(r.value().getType()) && account.equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(data(confirmation).path("removed").path("appointment").asInt()).isEqualTo(1);
            assertThat(data(confirmation).path("removed").path("booking").asInt()).isEqualTo(1);

            assertThat(PersonalDataScan.traces(RealInfrastructure.database(), nik, name, appointment.bookingCode()))
                    .isEmpty();
            assertThat(count("SELECT count(*) FROM appointment WHERE id = ?::uuid", othersAppointment.id()))
                    .isEqualTo(1);

            publish(new AccountErased(account, Instant.now()), eventId);
            String marker = UUID.randomUUID().toString();
            publish(new AccountErased(marker, Instant.now()));
            probe.await(r -> ERASED.equals(r.value().getType()) && marker.equals(r.key()), Duration.ofSeconds(30));
            assertThat(probe.seen().stream().filter(r -> ERASED.equals(r.value().getType()) && account.equals(r.key())))
                    .hasSize(1);
        }
    }
}
