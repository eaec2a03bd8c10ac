package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.count;
import static id.go.imigrasi.mpaspor.quota.support.Quota.data;
import static id.go.imigrasi.mpaspor.quota.support.Quota.holdJson;
import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.PersonalDataScan;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 23, erasure: on AccountErased quota-service removes every NIK of the account (holds, the applicant projection)
 * and confirms with QuotaDataErased; the holds stay as the calendar's history, without personal data. A redelivered
 * event changes nothing and confirms nothing twice.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class AccountErasureTest {

    private static final String OFFICE = "PDG";
    private static final LocalDate DATE = weekday(47);
    private static final String ERASED = "mpaspor.quota.QuotaDataErased.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anErasedAccountLeavesNoNikAndItsHoldsStayAnonymous() {
        Quota.release(OFFICE, DATE, DATE, Instant.now().minusSeconds(1)).statusCode(201);
        String account = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String application = UUID.randomUUID().toString();
        String otherApplication = UUID.randomUUID().toString();
        String nik = nik();
        String othersNik = nik();
        applicantsChanged(application, account, nik);
        applicantsChanged(otherApplication, other, othersNik);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM applicant_nik WHERE nik IN (?, ?)", nik, othersNik) == 2);
        String hold = given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON)
                .body(holdJson(OFFICE, DATE, "MORNING", "REGULAR", List.of(nik))).when().post("/holds").then()
                .statusCode(201).extract().path("holdId");
        given().auth().oauth2(TestJwt.applicant(other)).contentType(ContentType.JSON)
                .body(holdJson(OFFICE, DATE, "MORNING", "REGULAR", List.of(othersNik))).when().post("/holds").then()
                .statusCode(201);
        // the relay has published SlotHeld (its payload carries the NIK): the erasure removes the published row
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM outbox WHERE aggregate_id = ? AND sent_at IS NULL", hold) == 0);
        assertThat(PersonalDataScan.traces(RealInfrastructure.database(), nik)).isNotEmpty();

        String eventId = UUID.randomUUID().toString();
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "quota.events")) {
            accountErased(eventId, account);
            var confirmation = probe.await(r -> ERASED.equals(r.value().getType()) && account.equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(data(confirmation.value())).contains("\"hold_nik\":1", "\"hold\":1", "\"applicant_nik\":1",
                    "\"outbox\":");

            assertThat(PersonalDataScan.traces(RealInfrastructure.database(), nik)).isEmpty();
            assertThat(count("SELECT count(*) FROM hold WHERE id = CAST(? AS uuid) AND niks = ''", hold)).isEqualTo(1);
            // another account's data is untouched
            assertThat(count("SELECT count(*) FROM hold_nik WHERE nik = ?", othersNik)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM applicant_nik WHERE nik = ?", othersNik)).isEqualTo(1);

            // redelivered: applied once, confirmed once
            accountErased(eventId, account);
            String marker = UUID.randomUUID().toString();
            accountErased(UUID.randomUUID().toString(), marker);
            probe.await(r -> ERASED.equals(r.value().getType()) && marker.equals(r.key()), Duration.ofSeconds(30));
            assertThat(probe.seen().stream().filter(r -> ERASED.equals(r.value().getType()) && account.equals(r.key())))
                    .hasSize(1);
        }
    }

    private void applicantsChanged(String application, String account, String nik) {
        Quota.publish(kafka, "application.events", UUID.randomUUID().toString(), "/mpaspor/application-service",
                "mpaspor.application.ApplicantsChanged.v1", application, "{\"applicationId\":\"" + application
                        + "\",\"accountId\":\"" + account + "\",\"niks\":[\"" + nik + "\"],\"changedAt\":\""
                        + Instant.now() + "\"}");
    }

    private void accountErased(String eventId, String account) {
        Quota.publish(kafka, "account.events", eventId, "/mpaspor/account-service", "mpaspor.account.AccountErased.v1",
                account, "{\"accountId\":\"" + account + "\",\"erasedAt\":\"" + Instant.now() + "\"}");
    }
}
