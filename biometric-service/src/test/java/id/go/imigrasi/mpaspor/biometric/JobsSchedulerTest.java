package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officer;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.posUrl;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.post;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.scheduleOne;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.status;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.throughIssuance;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.Booked;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.biometric.support.TestClock;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the schedulers on (every second), no-shows are marked and Pos deliveries are tracked by themselves. */
@QuarkusTest
@TestProfile(JobsSchedulerTest.JobsOn.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class JobsSchedulerTest {

    public static class JobsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.biometric.jobs.no-show-every", "1s",
                    "mpaspor.biometric.jobs.pos-poll-every", "1s",
                    "mpaspor.biometric.jobs.uncollected-every", "1s");
        }
    }

    private static final LocalDate DAY = LocalDate.of(2027, 10, 5);

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theJobsRunByThemselves() {
        Booked absent = scheduleOne(DAY, "ORDINARY");
        Booked delivered = scheduleOne(DAY, "ELECTRONIC");
        String officer = officer();
        clock.setOfficeTime(DAY, LocalTime.of(9, 0));
        throughIssuance(officer, delivered);
        String tracking = post(officer, "/office/appointments/" + delivered.id() + "/delivery",
                Map.of("recipientName", "Siti", "address", "Jl. Kenanga 1, Bandung", "postalCode", "40115"))
                .statusCode(200).extract().path("handover.trackingNumber");
        given().contentType("application/json").body(Map.of("status", "DELIVERED")).when()
                .post(posUrl() + "/admin/shipments/" + tracking + "/status").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(status(delivered.id())));

        clock.setOfficeTime(DAY.plusDays(1), LocalTime.of(0, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> "NO_SHOW".equals(status(absent.id())));
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxEvents(absent.applicationId(), "NoShow") == 1
                && outboxEvents(delivered.applicationId(), "PassportDelivered") == 1);
    }
}
