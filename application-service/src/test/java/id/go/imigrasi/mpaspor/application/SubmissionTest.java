package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.applicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.email;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.kafka;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.publish;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.questionnaire;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.registeredNik;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentAccepted;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentRejected;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentUploaded;
import id.go.imigrasi.mpaspor.contracts.quota.SlotHeld;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Document states from the upload events, the requirement checklist, and submission: refused with the precise
 * list of what is missing, checked against the quota hold learnt from quota.events, then ApplicationSubmitted;
 * cancellation publishes ApplicationCancelled.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SubmissionTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String upload(String account, String app, String applicant, String type, Instant at) {
        String uploadId = "upl-" + UUID.randomUUID();
        publish(new DocumentUploaded(uploadId, app, applicant, account, type, type.toLowerCase() + ".pdf", 123_456,
                "ab".repeat(32), "uploads/" + uploadId, at));
        return uploadId;
    }

    private static void accept(String uploadId, String app, String applicant, String type) {
        publish(new DocumentAccepted(uploadId, app, applicant, type, "application/pdf", Instant.now()));
    }

    private static void reject(String uploadId, String app, String applicant, String type) {
        publish(new DocumentRejected(uploadId, app, applicant, type, "too-small-image",
                "gambar terlalu kecil (minimal 600 x 400 piksel)", "image too small (at least 600 x 400 pixels)",
                Instant.now()));
    }

    private static void acceptAll(String account, String app, String applicant, String... types) {
        for (String type : types) {
            accept(upload(account, app, applicant, type, Instant.now()), app, applicant, type);
        }
    }

    private static ValidatableResponse requirements(String account, String app) {
        return given().auth().oauth2(token(account)).when().get("/applications/{id}/requirements", app).then()
                .statusCode(200);
    }

    private static String stateOf(String account, String app, int applicant, String code) {
        List<String> states = requirements(account, app).extract()
                .path("applicants[" + applicant + "].documents.findAll { it.code == '" + code + "' }.state");
        return states.isEmpty() ? null : states.get(0);
    }

    private static ValidatableResponse submit(String account, String app, String holdId) {
        return given().auth().oauth2(token(account)).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("holdId", holdId)).when().post("/applications/{id}/submission", app).then();
    }

    /** A same-day, e-passport hold: what the same-day e-passport applicant of the submission test needs. */
    private static SlotHeld hold(String account, List<String> niks, Instant expiresAt) {
        return hold(account, niks, expiresAt, "SAME_DAY", "ELECTRONIC");
    }

    private static SlotHeld hold(String account, List<String> niks, Instant expiresAt, String service, String kind) {
        return new SlotHeld(UUID.randomUUID().toString(), account, "JKTSEL", LocalDate.now().plusDays(10), "MORNING",
                service, niks, expiresAt, kind);
    }

    @Test
    void requirementsFollowTheMatrixAndSubmissionListsEverythingStillMissing() {
        String account = newAccount();
        String app = createApplication(account);
        String adultId = addApplicant(account, app, adult("Budi Santoso"));
        LocalDate born = LocalDate.now().minusYears(9);
        Map<String, Object> child = applicant("Rizky Pratama", registeredNik("Rizky Pratama", born, "MALE"), born, "MALE");
        questionnaire(child).put("validityYears", 5);
        String childId = addApplicant(account, app, child);

        requirements(account, app)
                .body("limits.acceptedTypes", contains("image/jpeg", "image/png", "application/pdf"))
                .body("limits.maxBytes", equalTo(2_097_152)).body("limits.minImageWidth", equalTo(600))
                .body("applicants[0].minor", equalTo(false))
                .body("applicants[0].documents.code", contains("EKTP", "KK", "PROOF_OF_BIRTH_DATA"))
                .body("applicants[0].documents[2].acceptedDocuments",
                        contains("BIRTH_CERTIFICATE", "DIPLOMA", "MARRIAGE_BOOK", "BAPTISM_LETTER"))
                .body("applicants[1].minor", equalTo(true))
                .body("applicants[1].documents.code", contains("KK", "BIRTH_CERTIFICATE", "FATHER_EKTP", "MOTHER_EKTP",
                        "PARENTS_MARRIAGE_BOOK", "PARENTS_PASSPORT", "PARENTAL_STATEMENT"))
                .body("readyToSubmit", equalTo(false));

        acceptAll(account, app, adultId, "EKTP", "KK");
        upload(account, app, adultId, "DIPLOMA", Instant.now()); // uploaded, validation still running
        String kk = upload(account, app, childId, "KK", Instant.now());
        reject(kk, app, childId, "KK");
        await().atMost(Duration.ofSeconds(30)).until(() -> "REJECTED".equals(stateOf(account, app, 1, "KK"))
                && "UPLOADED".equals(stateOf(account, app, 0, "PROOF_OF_BIRTH_DATA"))
                && "ACCEPTED".equals(stateOf(account, app, 0, "KK")));
        requirements(account, app)
                .body("applicants[1].documents[0].reasonCode", equalTo("too-small-image"))
                .body("applicants[1].documents[0].reasonEn", equalTo("image too small (at least 600 x 400 pixels)"))
                .body("applicants[0].complete", equalTo(false));

        submit(account, app, UUID.randomUUID().toString()).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "submission-incomplete"))
                .body("detail", equalTo("7 item(s) must be completed before the application can be submitted."))
                .body("errors.field", containsInAnyOrder("applicants[0].documents.PROOF_OF_BIRTH_DATA",
                        "applicants[1].documents.KK", "applicants[1].documents.BIRTH_CERTIFICATE",
                        "applicants[1].documents.FATHER_EKTP", "applicants[1].documents.MOTHER_EKTP",
                        "applicants[1].documents.PARENTS_MARRIAGE_BOOK", "applicants[1].documents.PARENTAL_STATEMENT"))
                .body("errors.message", hasItem("Budi Santoso: document DIPLOMA is still being checked"))
                .body("errors.message", hasItem(
                        "Rizky Pratama: document KK was rejected (gambar terlalu kecil (minimal 600 x 400 piksel)); upload it again"))
                .body("errors.message", hasItem("Rizky Pratama: document FATHER_EKTP not uploaded yet"));
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type LIKE '%ApplicationSubmitted%'",
                app)).isZero();
        assertThat(count("SELECT count(*) FROM application WHERE id = ?::uuid AND status = 'DRAFT'", app)).isOne();
    }

    @Test
    void aNewerUploadReplacesTheOlderOneAndAVerdictOnASupersededUploadIsIgnored() {
        String account = newAccount();
        String app = createApplication(account);
        String a = addApplicant(account, app, adult("Dewi Lestari"));
        Instant t = Instant.now();
        String first = upload(account, app, a, "EKTP", t);
        reject(first, app, a, "EKTP");
        await().atMost(Duration.ofSeconds(30)).until(() -> "REJECTED".equals(stateOf(account, app, 0, "EKTP")));
        await().atMost(Duration.ofSeconds(30)).until(() -> MailCatcher.to(email(account)).stream()
                .anyMatch(m -> m.subject().contains("e-KTP milik Dewi Lestari ditolak")
                        && m.subject().contains("e-KTP (identity card) of Dewi Lestari rejected")
                        && m.body().contains("gambar terlalu kecil")));

        String second = upload(account, app, a, "EKTP", t.plusSeconds(60));
        String olderArrivingLate = upload(account, app, a, "EKTP", t.minusSeconds(60));
        accept(second, app, a, "EKTP");
        reject(first, app, a, "EKTP"); // a late verdict on the replaced upload
        reject(olderArrivingLate, app, a, "EKTP");
        String marker = upload(account, app, a, "KK", Instant.now());
        accept(marker, app, a, "KK");
        await().atMost(Duration.ofSeconds(30)).until(() -> "ACCEPTED".equals(stateOf(account, app, 0, "KK")));
        requirements(account, app).body("applicants[0].documents[0].state", equalTo("ACCEPTED"))
                .body("applicants[0].documents[0].uploadId", equalTo(second));
    }

    @Test
    void submissionChecksTheHoldThenPublishesApplicationSubmittedAndCancellationPublishesApplicationCancelled()
            throws Exception {
        String account = newAccount();
        String app = createApplication(account);
        Map<String, Object> person = adult("Agus Wijaya");
        questionnaire(person).put("sameDayService", true);
        String a = addApplicant(account, app, person);
        String nik = (String) person.get("nik");
        acceptAll(account, app, a, "EKTP", "KK", "BIRTH_CERTIFICATE");
        await().atMost(Duration.ofSeconds(30)).until(() -> requirements(account, app).extract()
                .<Boolean>path("readyToSubmit"));

        // a hold id that cannot be one is a field error, not "not yet known" with a Retry-After to retry forever
        for (String notAHoldId : List.of("not-a-uuid", "0000", "x".repeat(300))) {
            submit(account, app, notAHoldId).statusCode(400).contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.nullValue())
                    .body("errors.field", org.hamcrest.Matchers.hasItem("holdId"));
        }

        // the SlotHeld event has not arrived yet: the client is told to retry
        SlotHeld good = hold(account, List.of(nik), Instant.now().plusSeconds(900));
        submit(account, app, good.holdId()).statusCode(409).header("Retry-After", "1")
                .body("type", equalTo(PROBLEMS + "hold-not-yet-known"));

        SlotHeld someoneElses = hold(newAccount(), List.of(nik), Instant.now().plusSeconds(900));
        SlotHeld expired = hold(account, List.of(nik), Instant.now().minusSeconds(5));
        SlotHeld notCovering = hold(account, List.of("3171010101900099"), Instant.now().plusSeconds(900));
        // issue 22: the same-day e-passport applicant with a regular hold, and with a hold for ordinary passports
        // (a date closed to e-passports, or a hold taken without saying the kind: SlotHeld before the field = ORDINARY)
        SlotHeld regular = hold(account, List.of(nik), Instant.now().plusSeconds(900), "REGULAR", "ELECTRONIC");
        SlotHeld ordinary = hold(account, List.of(nik), Instant.now().plusSeconds(900), "SAME_DAY", "ORDINARY");
        SlotHeld unsaid = hold(account, List.of(nik), Instant.now().plusSeconds(900), "SAME_DAY", null);
        publish(someoneElses);
        publish(expired);
        publish(notCovering);
        publish(regular);
        publish(ordinary);
        publish(unsaid);
        publish(good);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM hold WHERE hold_id IN (?,?,?,?,?,?,?)", someoneElses.holdId(), expired.holdId(),
                notCovering.holdId(), regular.holdId(), ordinary.holdId(), unsaid.holdId(), good.holdId()) == 7);
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then().statusCode(200)
                .body("booking.service", equalTo("SAME_DAY")).body("booking.passportKind", equalTo("ELECTRONIC"));
        submit(account, app, someoneElses.holdId()).statusCode(422).body("type", equalTo(PROBLEMS + "hold-not-yours"));
        submit(account, app, expired.holdId()).statusCode(409).body("type", equalTo(PROBLEMS + "hold-expired"));
        submit(account, app, notCovering.holdId()).statusCode(422)
                .body("type", equalTo(PROBLEMS + "hold-does-not-cover-applicants"))
                .body("errors.field", contains("applicants[0].nik"));
        submit(account, app, regular.holdId()).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "hold-service-line-mismatch"))
                .body("detail", containsString("REGULAR"))
                .body("errors.field", contains("applicants[0].sameDayService"))
                .body("errors[0].message", containsString("Agus Wijaya"));
        for (SlotHeld notElectronic : List.of(ordinary, unsaid)) {
            submit(account, app, notElectronic.holdId()).statusCode(422)
                    .body("type", equalTo(PROBLEMS + "hold-passport-kind-mismatch"))
                    .body("errors.field", contains("applicants[0].passportKind"));
        }
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?", app,
                "mpaspor.application.ApplicationSubmitted.v1")).isZero();

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            submit(account, app, good.holdId()).statusCode(202).body("status", equalTo("SUBMITTED"));
            submit(account, app, good.holdId()).statusCode(202); // a retried request changes nothing
            var record = probe.await(r -> app.equals(r.key())
                    && r.value().getType().equals("mpaspor.application.ApplicationSubmitted.v1"), Duration.ofSeconds(30));
            JsonNode submitted = JSON.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
            assertThat(submitted.get("holdId").asText()).isEqualTo(good.holdId());
            assertThat(submitted.get("accountId").asText()).isEqualTo(account);
            assertThat(submitted.get("officeCode").asText()).isEqualTo("JKTSEL");
            assertThat(submitted.get("appointmentDate").asText()).isEqualTo(good.date().toString());
            assertThat(submitted.get("session").asText()).isEqualTo("MORNING");
            assertThat(submitted.get("service").asText()).isEqualTo("SAME_DAY");
            JsonNode only = submitted.get("applicants").get(0);
            assertThat(only.get("applicantId").asText()).isEqualTo(a);
            assertThat(only.get("nik").asText()).isEqualTo(nik);
            assertThat(only.get("passportKind").asText()).isEqualTo("ELECTRONIC");
            assertThat(only.get("validityYears").asInt()).isEqualTo(10);
            assertThat(only.get("sameDayService").asBoolean()).isTrue();
        }
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?", app,
                "mpaspor.application.ApplicationSubmitted.v1")).isOne();
        given().auth().oauth2(token(account)).when().get("/applications/{id}", app).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("appointment.holdId", equalTo(good.holdId()))
                .body("appointment.date", equalTo(good.date().toString()))
                .body("timeline[0].kind", equalTo("CREATED")).body("timeline.kind", hasItem("DOCUMENT_ACCEPTED"))
                .body("timeline.kind.last()", equalTo("SUBMITTED"));
        given().auth().oauth2(token(account)).contentType(ContentType.JSON).body(adult("Terlambat"))
                .when().post("/applications/{id}/applicants", app).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "application-not-editable"));
        // another application cannot reuse the hold
        String other = createApplication(account);
        submit(account, other, good.holdId()).statusCode(422).body("errors.field", contains("applicants"));

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            given().auth().oauth2(token(account)).when().post("/applications/{id}/cancellation", app)
                    .then().statusCode(202).body("status", equalTo("CANCELLED"));
            var record = probe.await(r -> app.equals(r.key())
                    && r.value().getType().equals("mpaspor.application.ApplicationCancelled.v1"), Duration.ofSeconds(30));
            JsonNode cancelled = JSON.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
            assertThat(cancelled.get("holdId").asText()).isEqualTo(good.holdId());
            assertThat(cancelled.get("accountId").asText()).isEqualTo(account);
        }
        assertThat(count("SELECT count(*) FROM applicant WHERE nik = ? AND active", nik)).isZero();
    }
}
