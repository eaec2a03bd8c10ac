package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.count;
import static id.go.imigrasi.mpaspor.quota.support.Quota.held;
import static id.go.imigrasi.mpaspor.quota.support.Quota.holdJson;
import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 25, Security 2 (holds): a hold's NIKs must be applicants of one of the account's applications, as
 * application-service announces them on application.events (ApplicantsChanged). Before, any well-formed NIK could be
 * held, blocking its owner with nik-already-held.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class HoldApplicantsTest {

    private static final String OFFICE = "AMB";
    private static final LocalDate DATE = weekday(45);
    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    private static boolean released;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @BeforeEach
    void open() {
        if (!released) {
            Quota.release(OFFICE, DATE, DATE, Instant.now().minusSeconds(1)).statusCode(201);
            released = true;
        }
    }

    private static ValidatableResponse hold(String account, List<String> niks) {
        return given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON)
                .body(holdJson(OFFICE, DATE, "MORNING", "REGULAR", niks)).when().post("/holds").then();
    }

    /** application-service's announcement of an application's applicants, as its outbox relay publishes it. */
    private void applicantsChanged(String applicationId, String account, List<String> niks, Instant at) {
        StringBuilder list = new StringBuilder();
        for (String nik : niks) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(nik).append('"');
        }
        Quota.publish(kafka, "application.events", UUID.randomUUID().toString(), "/mpaspor/application-service",
                "mpaspor.application.ApplicantsChanged.v1", applicationId, "{\"applicationId\":\"" + applicationId
                        + "\",\"accountId\":\"" + account + "\",\"niks\":[" + list + "],\"changedAt\":\"" + at + "\"}");
    }

    private static long known(String applicationId) {
        return count("SELECT count(*) FROM applicant_nik WHERE application_id = ?", applicationId);
    }

    @Test
    void aNikInAnotherAccountsDraftCannotBeHeldAndItsOwnerIsNotBlocked() {
        String owner = UUID.randomUUID().toString();
        String squatter = UUID.randomUUID().toString();
        String ownersApplication = UUID.randomUUID().toString();
        String nik = nik();
        applicantsChanged(ownersApplication, owner, List.of(nik), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> known(ownersApplication) == 1);

        hold(squatter, List.of(nik)).statusCode(422).contentType("application/problem+json")
                .header("Retry-After", nullValue())
                .body("type", equalTo(PROBLEMS + "nik-not-an-applicant"))
                .body("errors[0].field", equalTo("niks[0]"));
        assertThat(count("SELECT count(*) FROM hold WHERE account_id = ?", squatter)).isZero();

        hold(owner, List.of(nik)).statusCode(201);
    }

    @Test
    void aNikOfNoApplicationIsNotYetKnownForAWhileThenRefused() {
        String account = UUID.randomUUID().toString();
        String nik = nik();
        int before = held(OFFICE, DATE, "MORNING");

        hold(account, List.of(nik)).statusCode(409).contentType("application/problem+json")
                .header("Retry-After", "1").body("type", equalTo(PROBLEMS + "applicants-not-yet-known"));
        // a client honouring Retry-After gets its final answer once the catch-up window (3 s in tests) is over
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> hold(account, List.of(nik)).extract().statusCode() == 422);
        hold(account, List.of(nik)).statusCode(422).body("type", equalTo(PROBLEMS + "nik-not-an-applicant"))
                .body("errors[0].field", equalTo("niks[0]"));

        assertThat(count("SELECT count(*) FROM hold WHERE account_id = ?", account)).isZero();
        assertThat(held(OFFICE, DATE, "MORNING")).isEqualTo(before);
    }

    @Test
    void anApplicantAddedAMomentAgoIsHeldOnceItsEventArrives() {
        String account = UUID.randomUUID().toString();
        String application = UUID.randomUUID().toString();
        String first = nik();
        String second = nik();
        applicantsChanged(application, account, List.of(first), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> known(application) == 1);

        // the second applicant was added, its event is not here yet: "not yet known", not a final refusal
        hold(account, List.of(first, second)).statusCode(409).header("Retry-After", "1")
                .body("type", equalTo(PROBLEMS + "applicants-not-yet-known"));

        applicantsChanged(application, account, List.of(first, second), Instant.now());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> hold(account, List.of(first, second)).extract().statusCode() == 201);
        assertThat(count("SELECT count(*) FROM hold WHERE account_id = ? AND status = 'HELD'", account)).isEqualTo(1);
    }

    @Test
    void aRemovedApplicantOrACancelledApplicationNoLongerCounts() {
        String account = UUID.randomUUID().toString();
        String application = UUID.randomUUID().toString();
        String kept = nik();
        String removed = nik();
        Instant t0 = Instant.now();
        applicantsChanged(application, account, List.of(kept, removed), t0);
        applicantsChanged(application, account, List.of(kept), t0.plusMillis(10));
        // an announcement older than the one applied (a replay) changes nothing
        applicantsChanged(application, account, List.of(kept, removed), t0.minusSeconds(5));
        String marker = UUID.randomUUID().toString();
        applicantsChanged(marker, account, List.of(), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM application_applicants WHERE application_id = ?", marker) == 1);
        assertThat(count("SELECT count(*) FROM applicant_nik WHERE application_id = ? AND nik = ?", application,
                removed)).isZero();

        hold(account, List.of(removed)).statusCode(409).body("type", equalTo(PROBLEMS + "applicants-not-yet-known"));

        Quota.publish(kafka, "application.events", UUID.randomUUID().toString(), "/mpaspor/application-service",
                "mpaspor.application.ApplicationCancelled.v1", application, "{\"applicationId\":\"" + application
                        + "\",\"accountId\":\"" + account + "\",\"holdId\":null,\"reason\":\"APPLICANT_REQUEST\","
                        + "\"cancelledAt\":\"" + Instant.now() + "\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> known(application) == 0);
        hold(account, List.of(kept)).statusCode(409).body("type", equalTo(PROBLEMS + "applicants-not-yet-known"));
        assertThat(count("SELECT count(*) FROM hold WHERE account_id = ?", account)).isZero();
    }
}
