package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.kafka;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.publish;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

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
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentScheduled;
import id.go.imigrasi.mpaspor.contracts.biometric.CheckedIn;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Corrections after submission (issue 22, domain.CorrectionRules): contact and travel purpose until check-in, by the
 * applicant or an officer of the booking's office, each field audited, on the timeline and announced once
 * (ApplicantDataCorrected, fields without values); identity and what was booked only at the office (422 naming the
 * field); nothing changes on a refusal.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CorrectionAfterSubmissionTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A submitted application (its bill issued) booked at {@code office}; returns {app, applicant}. */
    private static String[] submitted(String account, String office) {
        String app = createApplication(account);
        String applicant = addApplicant(account, app, adult("Agus Salim"));
        publish(new BillingIssued(app, "hold-" + UUID.randomUUID(),
                "8" + String.format("%014d", System.nanoTime() % 100_000_000_000_000L), 650_000,
                Instant.now().plusSeconds(7200)));
        publish(new AppointmentScheduled("appt-" + UUID.randomUUID(), app, applicant, office,
                LocalDate.now().plusDays(3), "MORNING", "BK" + System.nanoTime()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM application WHERE id = ?::uuid"
                + " AND office_code = ? AND status <> 'DRAFT'", app, office) == 1);
        return new String[] { app, applicant };
    }

    private static Response correct(String token, String app, String applicant, Map<String, String> fields,
            String reason) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("fields", fields);
        body.put("reason", reason);
        return given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON).body(body)
                .when().post("/applications/{id}/applicants/{a}/corrections", app, applicant);
    }

    private static String column(String column, String applicant) {
        return String.valueOf(RealInfrastructure.database().rows("SELECT " + column + " FROM applicant WHERE"
                + " id = ?::uuid", applicant).get(0).get(column));
    }

    @Test
    void anAllowedFieldIsCorrectedWithItsAuditOnTheTimelineAndAnnouncedOnce() throws Exception {
        String account = newAccount();
        String[] s = submitted(account, "JKTSEL");
        String app = s[0];
        String applicant = s[1];
        String oldAddress = column("address", applicant);
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            correct(token(account), app, applicant, Map.of("address", "  Jl. Kenanga No. 7, Bandung 40115 ",
                    "phone", "0812-9999-8888"), "Pindah alamat")
                    .then().statusCode(200)
                    .body("corrections.field", containsInAnyOrder("address", "phone"))
                    .body("corrections.find { it.field == 'address' }.oldValue", equalTo(oldAddress))
                    .body("corrections.find { it.field == 'address' }.newValue", equalTo("Jl. Kenanga No. 7, Bandung 40115"))
                    .body("corrections.find { it.field == 'phone' }.newValue", equalTo("081299998888"))
                    .body("corrections[0].correctedByRole", equalTo("APPLICANT"))
                    .body("corrections[0].correctedBy", equalTo(account));
            assertThat(column("address", applicant)).isEqualTo("Jl. Kenanga No. 7, Bandung 40115");
            assertThat(column("phone", applicant)).isEqualTo("081299998888");
            assertThat(count("SELECT count(*) FROM applicant_correction WHERE applicant_id = ?::uuid"
                    + " AND reason = 'Pindah alamat' AND corrected_by = ?", applicant, account)).isEqualTo(2);

            var record = probe.await(r -> app.equals(r.key())
                    && r.value().getType().equals("mpaspor.application.ApplicantDataCorrected.v1"), Duration.ofSeconds(30));
            String data = new String(record.value().getData().toBytes(), StandardCharsets.UTF_8);
            JsonNode event = JSON.readTree(data);
            assertThat(event.get("applicantId").asText()).isEqualTo(applicant);
            assertThat(event.get("fields").toString()).contains("address").contains("phone");
            assertThat(data).as("personal values stay out of the event").doesNotContain("Kenanga")
                    .doesNotContain("081299998888");
            // the same value again changes nothing and announces nothing
            correct(token(account), app, applicant, Map.of("phone", "081299998888"), "lagi")
                    .then().statusCode(200).body("corrections", org.hamcrest.Matchers.empty());
            assertThat(probe.readFor(Duration.ofSeconds(3), r -> app.equals(r.key())
                    && r.value().getType().equals("mpaspor.application.ApplicantDataCorrected.v1"))).hasSize(1);
        }
        List<String> kinds = given().auth().oauth2(token(account)).when().get("/applications/{id}", app)
                .then().statusCode(200).extract().jsonPath().getList("timeline.kind");
        assertThat(kinds.stream().filter("APPLICANT_DATA_CORRECTED"::equals)).hasSize(1);
        given().auth().oauth2(token(account)).when().get("/applications/{id}/applicants/{a}/corrections", app, applicant)
                .then().statusCode(200).body("size()", equalTo(2));

        // an officer of the booking's office corrects at the desk; another office's officer finds nothing
        correct(TestJwt.officer("officer-desk", "JKTSEL"), app, applicant, Map.of("travelPurpose", "Umrah"),
                "Koreksi di loket").then().statusCode(200).body("corrections[0].correctedByRole", equalTo("OFFICER"))
                .body("corrections[0].correctedBy", equalTo("officer-desk"));
        correct(TestJwt.officer("officer-sby", "SBY"), app, applicant, Map.of("travelPurpose", "Bisnis"), "x")
                .then().statusCode(404).body("type", equalTo(PROBLEMS + "application-not-found"));
        correct(token(newAccount()), app, applicant, Map.of("travelPurpose", "Bisnis"), "x")
                .then().statusCode(404);
        assertThat(column("travel_purpose", applicant)).isEqualTo("Umrah");
    }

    @Test
    void identityAndWhatWasBookedAreCorrectedAtTheOfficeOnlyAndNothingChanges() {
        String account = newAccount();
        String[] s = submitted(account, "JKTSEL");
        String applicant = s[1];
        String name = column("full_name", applicant);
        String address = column("address", applicant);

        correct(token(account), s[0], applicant, Map.of("fullName", "Agus Salim Hidayat", "address", "Jl. Lain 1",
                "passportKind", "ORDINARY"), "salah ketik")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "correction-at-office"))
                .body("errors.field", containsInAnyOrder("fields.fullName", "fields.passportKind"));
        correct(token(account), s[0], applicant, Map.of("nik", "3171010101800001"), "salah")
                .then().statusCode(422).body("errors.field", contains("fields.nik"));
        correct(token(account), s[0], applicant, Map.of("phone", "12345"), "nomor baru")
                .then().statusCode(400).body("errors.field", contains("fields.phone"));
        correct(token(account), s[0], applicant, Map.of("shoeSize", "42"), "")
                .then().statusCode(400).body("errors.field", containsInAnyOrder("fields.shoeSize", "reason"));
        correct(token(account), s[0], applicant, Map.of(), "x").then().statusCode(400)
                .body("errors.field", contains("fields"));

        assertThat(column("full_name", applicant)).isEqualTo(name);
        assertThat(column("address", applicant)).isEqualTo(address);
        assertThat(count("SELECT count(*) FROM applicant_correction WHERE applicant_id = ?::uuid", applicant)).isZero();

        // a draft is edited as such
        String draft = createApplication(account);
        String draftApplicant = addApplicant(account, draft, adult("Dewi Sartika"));
        correct(token(account), draft, draftApplicant, Map.of("address", "Jl. Baru"), "pindah")
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "correction-of-draft"));
    }

    @Test
    void afterCheckInTheCorrectionIsTheDesksAndRefused() {
        String account = newAccount();
        String[] s = submitted(account, "JKTSEL");
        String address = column("address", s[1]);
        publish(new CheckedIn("appt-" + UUID.randomUUID(), s[0], s[1], "JKTSEL", "officer-x", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM timeline_entry WHERE"
                + " application_id = ?::uuid AND kind = 'CHECKED_IN'", s[0]) == 1);

        correct(token(account), s[0], s[1], Map.of("address", "Jl. Sesudah Lapor 9"), "pindah")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "correction-after-check-in"));
        assertThat(column("address", s[1])).isEqualTo(address);
        assertThat(count("SELECT count(*) FROM applicant_correction WHERE applicant_id = ?::uuid", s[1])).isZero();
    }
}
