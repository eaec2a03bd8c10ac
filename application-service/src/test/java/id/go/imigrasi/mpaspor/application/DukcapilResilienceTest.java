package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.applicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.email;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.kafka;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.nik;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.dukcapil.DukcapilGateway;
import id.go.imigrasi.mpaspor.application.service.NikRecheck;
import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.simulators.dukcapil.DukcapilStub;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;

/**
 * Dukcapil slow, failing or overloaded never stops an applicant: they continue as "verification pending"; the
 * circuit opens so a dead registry is not hammered; the re-check job settles them once Dukcapil answers again,
 * and the result is published as an event. (Test profile: timeout 700 ms, 1 retry, circuit of 4 calls, 2 s.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DukcapilResilienceTest {

    @Inject
    NikRecheck recheck;

    @Inject
    CircuitBreakerMaintenance circuits;

    private DukcapilStub stub() {
        return DukcapilStubResource.stub();
    }

    @BeforeEach
    @AfterEach
    void dukcapilBackToNormal() {
        stub().mode(DukcapilStub.Mode.NORMAL);
        circuits.resetAll();
    }

    private String add(String account, String app, Map<String, Object> person) {
        return given().auth().oauth2(token(account)).contentType(ContentType.JSON).body(person)
                .when().post("/applications/{id}/applicants", app)
                .then().statusCode(201).body("verification", equalTo("VERIFICATION_PENDING")).extract().path("id");
    }

    private String verificationOf(String account, String app, int index) {
        return given().auth().oauth2(token(account)).when().get("/applications/{id}", app)
                .then().statusCode(200).extract().path("applicants[" + index + "].verification.status");
    }

    private int recheckNow() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> recheck.recheckDue());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void slowDukcapilTimesOutTheApplicantContinuesAsPendingAndTheRecheckVerifiesIt() throws Throwable {
        stub().mode(DukcapilStub.Mode.SLOW, 8000);
        String account = newAccount();
        String app = createApplication(account);
        long started = System.nanoTime();
        String applicantId = add(account, app, adult("Lambat"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));

        stub().mode(DukcapilStub.Mode.NORMAL);
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                recheckNow();
                return "VERIFIED".equals(verificationOf(account, app, 0));
            });
            var event = probe.await(r -> r.value().getType().equals("mpaspor.application.ApplicantVerificationCompleted.v1")
                    && new String(r.value().getData().toBytes(), StandardCharsets.UTF_8).contains(applicantId),
                    Duration.ofSeconds(30));
            assertThat(event.key()).isEqualTo(app);
            assertThat(new String(event.value().getData().toBytes(), StandardCharsets.UTF_8))
                    .contains("\"result\":\"VERIFIED\"");
        }
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then()
                .body("timeline.kind", hasItem("NIK_VERIFIED"));
    }

    @Test
    void failingDukcapilOpensTheCircuitApplicantsStillContinueAndAreVerifiedOnceItRecovers() throws Throwable {
        stub().mode(DukcapilStub.Mode.FAIL);
        String account = newAccount();
        String app = createApplication(account);
        long before = stub().lookups();
        add(account, app, adult("Gagal Satu"));
        assertThat(stub().lookups() - before).as("one call and one retry").isEqualTo(2);
        add(account, app, adult("Gagal Dua"));
        assertThat(circuits.currentState(DukcapilGateway.CIRCUIT)).isEqualTo(CircuitBreakerState.OPEN);

        long whileOpen = stub().lookups();
        add(account, app, adult("Sirkuit Terbuka"));
        assertThat(stub().lookups()).as("an open circuit does not call Dukcapil").isEqualTo(whileOpen);

        stub().mode(DukcapilStub.Mode.NORMAL);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            recheckNow();
            return "VERIFIED".equals(verificationOf(account, app, 0)) && "VERIFIED".equals(verificationOf(account, app, 1))
                    && "VERIFIED".equals(verificationOf(account, app, 2));
        });
        assertThat(circuits.currentState(DukcapilGateway.CIRCUIT)).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void overloadedDukcapilIsNotRetriedAndAnUnknownNikFoundByTheRecheckBlocksTheApplicantAndMailsTheOwner()
            throws Throwable {
        stub().mode(DukcapilStub.Mode.OVERLOADED);
        String account = newAccount();
        String app = createApplication(account);
        LocalDate born = LocalDate.of(1993, 4, 5);
        long before = stub().lookups();
        add(account, app, applicant("Tak Terdaftar", nik(born, "MALE"), born, "MALE"));
        assertThat(stub().lookups() - before).as("503 is not retried").isOne();

        stub().mode(DukcapilStub.Mode.NORMAL);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            recheckNow();
            return "NOT_REGISTERED".equals(verificationOf(account, app, 0));
        });
        given().auth().oauth2(token(account)).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("holdId", java.util.UUID.randomUUID().toString())).when().post("/applications/{id}/submission", app)
                .then().statusCode(422).body("errors.field", hasItem("applicants[0].nik"))
                .body("errors.message", hasItem("NIK is not registered at Dukcapil"));
        await().atMost(Duration.ofSeconds(30)).until(() -> MailCatcher.to(email(account)).stream()
                .anyMatch(m -> m.subject().contains("Tak Terdaftar")));
    }
}
