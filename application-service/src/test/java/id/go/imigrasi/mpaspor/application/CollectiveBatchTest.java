package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.kafka;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.publish;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.questionnaire;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.service.NikRecheck;
import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.contracts.quota.CollectiveBatchRefused;
import id.go.imigrasi.mpaspor.contracts.quota.SlotHeld;
import id.go.imigrasi.mpaspor.simulators.dukcapil.DukcapilStub;
import id.go.imigrasi.mpaspor.testkit.Niks;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.restassured.response.ValidatableResponse;

/**
 * The collective service (issue 19) from application-service's side, quota-service played on its topic: an officer
 * registers a batch, every NIK is checked at Dukcapil, CollectiveBatchRegistered names the verified members, each
 * member's SlotHeld submits its application (ApplicationSubmitted), a CollectiveBatchRefused refuses the rest.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CollectiveBatchTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    private static final String REGISTERED = "mpaspor.application.CollectiveBatchRegistered.v1";
    private static final String SUBMITTED = "mpaspor.application.ApplicationSubmitted.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate VISIT = LocalDate.now().plusDays(12);

    private static String officer(String office) {
        return TestJwt.officer(UUID.randomUUID().toString(), office);
    }

    /** A batch of {@code size} adults registered at Dukcapil, ordinary passports, no same-day service. */
    private static Map<String, Object> batch(String organisation, int size) {
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Map<String, Object> person = adult("Siswa " + (i + 1) + " " + organisation);
            questionnaire(person).put("passportKind", "ORDINARY");
            person.put("authority", "AUTHORISED");
            people.add(person);
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", "Rina Marlina");
        contact.put("email", "koordinator-" + UUID.randomUUID() + "@sekolah.sch.id");
        contact.put("phone", "081298765432");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisation", organisation);
        body.put("contact", contact);
        body.put("date", VISIT.toString());
        body.put("session", "MORNING");
        body.put("passportKind", "ORDINARY");
        body.put("applicants", people);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> people(Map<String, Object> batch) {
        return (List<Map<String, Object>>) batch.get("applicants");
    }

    private static ValidatableResponse register(String token, Map<String, Object> batch) {
        return given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON).body(batch)
                .when().post("/office/collective-batches").then();
    }

    private static ValidatableResponse read(String token, String id) {
        return given().auth().oauth2(token).when().get("/office/collective-batches/{id}", id).then();
    }

    private static JsonNode payload(CloudEvent event) throws Exception {
        return JSON.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

    /** quota-service's answer to a registered batch: one walk-in SlotHeld per member, its account the application. */
    private static void holdEveryMember(JsonNode registered) {
        for (JsonNode m : registered.get("members")) {
            publish(new SlotHeld(UUID.randomUUID().toString(), m.get("applicationId").asText(), "JKTSEL", VISIT,
                    "MORNING", "PRIORITY_WALK_IN", List.of(m.get("nik").asText()), Instant.now().plusSeconds(900),
                    "ORDINARY"));
        }
    }

    @Inject
    NikRecheck recheck;

    @Inject
    CircuitBreakerMaintenance circuits;

    @AfterEach
    void dukcapilBackToNormal() {
        DukcapilStubResource.stub().mode(DukcapilStub.Mode.NORMAL);
        circuits.resetAll();
    }

    private int recheckNow() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> recheck.recheckDue());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void membersDukcapilDidNotAnswerForWaitAndTheBatchAsksForPlacesOnceTheRecheckVerifiesThem() throws Exception {
        String officer = officer("JKTSEL");
        Map<String, Object> batch = batch("Kantor Kecamatan Tebet", 2);
        DukcapilStubResource.stub().mode(DukcapilStub.Mode.FAIL);
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            String id = register(officer, batch).statusCode(202).extract().path("id");
            read(officer, id).statusCode(200).body("state", equalTo("CHECKING"))
                    .body("members.state", everyItem(equalTo("CHECKING")));
            assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type LIKE '%CollectiveBatchRegistered%'",
                    id)).as("no places asked while Dukcapil has not answered").isZero();

            DukcapilStubResource.stub().mode(DukcapilStub.Mode.NORMAL);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                recheckNow();
                return count("SELECT count(*) FROM collective_member WHERE batch_id = ?::uuid AND state = 'VERIFIED'",
                        id) == 2;
            });
            JsonNode registered = payload(probe.await(r -> id.equals(r.key()) && REGISTERED.equals(r.value().getType()),
                    Duration.ofSeconds(30)).value());
            assertThat(registered.get("members")).hasSize(2);
        }
    }

    @Test
    void aCollectiveBatchOfTenApplicantsIsRegistered() throws Exception {
        String officer = officer("JKTSEL");
        Map<String, Object> batch = batch("SMA Negeri 8 Jakarta", 10);
        Set<String> niks = new HashSet<>();
        people(batch).forEach(p -> niks.add((String) p.get("nik")));
        long lookupsBefore = DukcapilStubResource.stub().lookups();
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            String id = register(officer, batch).statusCode(202)
                    .header("Location", containsString("/office/collective-batches/"))
                    .body("state", equalTo("CHECKING")).extract().path("id");
            assertThat(DukcapilStubResource.stub().lookups() - lookupsBefore).as("every NIK asked of Dukcapil")
                    .isGreaterThanOrEqualTo(10);
            var record = probe.await(r -> id.equals(r.key()) && REGISTERED.equals(r.value().getType()),
                    Duration.ofSeconds(30));
            JsonNode registered = payload(record.value());
            assertThat(registered.get("officeCode").asText()).isEqualTo("JKTSEL");
            assertThat(registered.get("date").asText()).isEqualTo(VISIT.toString());
            assertThat(registered.get("session").asText()).isEqualTo("MORNING");
            assertThat(registered.get("members")).hasSize(10);
            Set<String> announced = new HashSet<>();
            registered.get("members").forEach(m -> announced.add(m.get("nik").asText()));
            assertThat(announced).isEqualTo(niks);
            read(officer, id).statusCode(200).body("state", equalTo("CHECKING"))
                    .body("members", hasSize(10)).body("members.state", everyItem(equalTo("VERIFIED")));

            holdEveryMember(registered);
            List<String> apps = new ArrayList<>();
            registered.get("members").forEach(m -> apps.add(m.get("applicationId").asText()));
            var submitted = probe.awaitCount(r -> apps.contains(r.key()) && SUBMITTED.equals(r.value().getType()), 10,
                    Duration.ofSeconds(60));
            assertThat(submitted).hasSize(10);
            for (var s : submitted) {
                JsonNode e = payload(s.value());
                assertThat(e.get("service").asText()).isEqualTo("PRIORITY_WALK_IN");
                assertThat(e.get("officeCode").asText()).isEqualTo("JKTSEL");
                assertThat(e.get("accountId").asText()).as("owned by the batch, no account")
                        .isEqualTo(e.get("applicationId").asText());
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> read(officer, id).statusCode(200)
                    .body("state", equalTo("REGISTERED")).body("members.state", everyItem(equalTo("REGISTERED")))
                    .body("members.applicationStatus", everyItem(equalTo("SUBMITTED"))));
            // the office's officers read a member's application; an applicant cannot; its mails go to the coordinator
            String app = apps.get(0);
            given().auth().oauth2(officer("JKTSEL")).when().get("/applications/{id}", app).then().statusCode(200);
            given().auth().oauth2(TestJwt.applicant(newAccount())).when().get("/applications/{id}", app).then()
                    .statusCode(404);
            assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid AND email = ?", app,
                    ((Map<?, ?>) batch.get("contact")).get("email"))).isOne();
        }
    }

    @Test
    void aMemberWhoseNikDoesNotMatchIsRefusedAndTheOthersAreRegistered() throws Exception {
        String officer = officer("JKTSEL");
        Map<String, Object> batch = batch("PT Maju Bersama", 3);
        Map<String, Object> wrong = people(batch).get(1);
        LocalDate born = LocalDate.parse((String) wrong.get("birthDate"));
        String nik = Niks.of(born, "MALE");
        DukcapilStubResource.stub().register(new DukcapilStub.Person(nik, "Orang Lain Sama Sekali", born.toString(),
                "Jakarta", "MALE"));
        wrong.put("nik", nik);
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            String id = register(officer, batch).statusCode(202).extract().path("id");
            JsonNode registered = payload(probe.await(r -> id.equals(r.key()) && REGISTERED.equals(r.value().getType()),
                    Duration.ofSeconds(30)).value());
            assertThat(registered.get("members")).hasSize(2);
            registered.get("members").forEach(m -> assertThat(m.get("nik").asText()).isNotEqualTo(nik));
            read(officer, id).statusCode(200).body("members[1].state", equalTo("REFUSED"))
                    .body("members[1].reason", equalTo("DUKCAPIL_MISMATCH"))
                    .body("members[1].applicationStatus", equalTo("CANCELLED"));
            assertThat(count("SELECT count(*) FROM applicant WHERE nik = ? AND active", nik)).as("NIK free").isZero();

            holdEveryMember(registered);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> read(officer, id).statusCode(200)
                    .body("state", equalTo("PARTLY_REGISTERED"))
                    .body("members.state", containsInAnyOrder("REGISTERED", "REFUSED", "REGISTERED")));
        }
    }

    @Test
    void aBatchQuotaRefusesIsRefusedAndItsApplicationsCancelled() throws Exception {
        String officer = officer("JKTSEL");
        Map<String, Object> batch = batch("Festival Budaya Betawi", 4);
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            String id = register(officer, batch).statusCode(202).extract().path("id");
            probe.await(r -> id.equals(r.key()) && REGISTERED.equals(r.value().getType()), Duration.ofSeconds(30));
            publish(new CollectiveBatchRefused(id, "JKTSEL", VISIT, "MORNING", "NOT_ENOUGH_PLACES", 4, 3,
                    Instant.now()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> read(officer, id).statusCode(200)
                    .body("state", equalTo("REFUSED")).body("reason", equalTo("NOT_ENOUGH_PLACES"))
                    .body("remaining", equalTo(3)).body("members.reason", everyItem(equalTo("NOT_ENOUGH_PLACES")))
                    .body("members.applicationStatus", everyItem(equalTo("CANCELLED"))));
        }
        // the people's NIKs are free again: the same batch can be registered once more
        register(officer, batch).statusCode(202);
    }

    @Test
    void badInputAnswersEveryFieldAndCreatesNothing() {
        String organisation = "Sekolah " + UUID.randomUUID();
        Map<String, Object> batch = batch(organisation, 3);
        people(batch).get(2).put("nik", people(batch).get(0).get("nik"));
        people(batch).get(1).put("nik", "12345");
        questionnaire(people(batch).get(0)).put("sameDayService", true);
        ((Map<String, Object>) batch.get("contact")).put("email", "bukan-email");
        batch.put("session", "NIGHT");
        register(officer("JKTSEL"), batch).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("applicants[1].nik"))
                .body("errors.field", hasItem("applicants[2].nik"))
                .body("errors.field", hasItem("applicants[0].questionnaire.sameDayService"))
                .body("errors.field", hasItem("contact.email"))
                .body("errors.field", hasItem("session"))
                .body("errors.message", hasItem("this NIK is already member 1 of this batch"));
        Map<String, Object> empty = batch(organisation, 0);
        register(officer("JKTSEL"), empty).statusCode(400).body("errors.field", hasItem("applicants"));
        assertThat(count("SELECT count(*) FROM collective_batch WHERE organisation = ?", organisation)).isZero();

        // a NIK already in someone's active application: 422 by field, nothing created
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> taken = adult("Bambang Sutrisno");
        addApplicant(account, app, taken);
        Map<String, Object> clash = batch(organisation, 2);
        people(clash).get(1).put("nik", taken.get("nik"));
        people(clash).get(1).put("fullName", taken.get("fullName"));
        people(clash).get(1).put("birthDate", taken.get("birthDate"));
        register(officer("JKTSEL"), clash).statusCode(422)
                .body("type", equalTo(PROBLEMS + "collective-nik-in-active-application"))
                .body("errors.field", containsInAnyOrder("applicants[1].nik"));
        assertThat(count("SELECT count(*) FROM collective_batch WHERE organisation = ?", organisation)).isZero();
        assertThat(count("SELECT count(*) FROM applicant WHERE nik = ?", people(clash).get(0).get("nik"))).isZero();
    }

    @Test
    void onlyTheOfficersOfTheOfficeReadABatchAndOnlyOfficersRegister() {
        String id = register(officer("JKTSEL"), batch("Universitas Indonesia", 1)).statusCode(202).extract().path("id");
        read(officer("JKTSEL"), id).statusCode(200).body("officeCode", equalTo("JKTSEL"));
        read(TestJwt.admin(newAccount()), id).statusCode(200);
        read(officer("SBY"), id).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "collective-batch-not-found"));
        read(TestJwt.applicant(newAccount()), id).statusCode(403);
        register(TestJwt.applicant(newAccount()), batch("Universitas Indonesia", 1)).statusCode(403);
        register(TestJwt.admin(newAccount()), batch("Universitas Indonesia", 1)).statusCode(403);
        read(officer("JKTSEL"), "not-a-uuid").statusCode(400);
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameBatch() {
        String officer = officer("JKTSEL");
        Map<String, Object> batch = batch("Pramuka Kwarcab", 2);
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(batch).when().post("/office/collective-batches").then().statusCode(202).extract().path("id");
        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON).body(batch)
                .when().post("/office/collective-batches").then().statusCode(202).body("id", equalTo(first));
        batch.put("organisation", "Pramuka Kwarcab lain");
        given().auth().oauth2(officer).header("Idempotency-Key", key).contentType(ContentType.JSON).body(batch)
                .when().post("/office/collective-batches").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        assertThat(count("SELECT count(*) FROM collective_batch WHERE idempotency_key = ?", key)).isOne();
    }
}
