package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.email;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

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
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentScheduled;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentUploaded;
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
 * Helpdesk tickets (issue 22): the applicant opens one about their application, the officers of the office it is
 * booked at answer (the applicant gets a mail) and close it, the applicant replies and reopens it within the window;
 * each state change is on the timeline and opened/answered/closed leave as events. Nobody else sees a ticket, and a
 * bad ticket stores nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class HelpdeskTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An application with one applicant, booked at {@code office}; returns {app, applicant}. */
    private static String[] bookedAt(String account, String office) {
        String app = createApplication(account);
        String applicant = addApplicant(account, app, adult("Rina Marlina"));
        publish(new AppointmentScheduled("appt-" + UUID.randomUUID(), app, applicant, office,
                LocalDate.now().plusDays(3), "MORNING", "BK" + System.nanoTime()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM application WHERE id = ?::uuid"
                + " AND office_code = ?", app, office) == 1);
        return new String[] { app, applicant };
    }

    /** upload-service reports an upload of this applicant's e-KTP; returns its id once recorded here. */
    private static String uploaded(String account, String app, String applicant) {
        String uploadId = UUID.randomUUID().toString();
        publish(new DocumentUploaded(uploadId, app, applicant, account, "EKTP", "ektp.png", 1234, "ab".repeat(32),
                "uploads/" + uploadId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM applicant_document WHERE"
                + " upload_id = ?", uploadId) == 1);
        return uploadId;
    }

    private static Response open(String token, String app, Map<String, Object> body) {
        return given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON).body(body)
                .when().post("/applications/{id}/tickets", app);
    }

    private static Response write(String token, String app, String ticket, String message) {
        return given().auth().oauth2(token).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("message", message))
                .when().post("/applications/{id}/tickets/{t}/messages", app, ticket);
    }

    private static Response close(String token, String app, String ticket) {
        return given().auth().oauth2(token).header("Accept-Language", "en")
                .when().post("/applications/{id}/tickets/{t}/closure", app, ticket);
    }

    private static List<String> timelineKinds(String account, String app) {
        return given().auth().oauth2(token(account)).when().get("/applications/{id}", app)
                .then().statusCode(200).extract().jsonPath().getList("timeline.kind");
    }

    @Test
    void aTicketGoesBackAndForthBetweenTheApplicantAndTheOfficeOnTheTimelineWithAMailAndEvents() throws Exception {
        String account = newAccount();
        String[] booked = bookedAt(account, "JKTUT");
        String app = booked[0];
        String upload = uploaded(account, app, booked[1]);
        String officer = TestJwt.officer("officer-" + UUID.randomUUID(), "JKTUT");

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            Response opened = open(token(account), app, Map.of("category", "payment", "subject",
                    "Sudah bayar, status belum berubah", "message", "Saya bayar di ATM pukul 10.15.",
                    "uploadIds", List.of(upload)));
            opened.then().statusCode(201).body("state", equalTo("OPEN")).body("category", equalTo("PAYMENT"))
                    .body("messages[0].authorRole", equalTo("APPLICANT"))
                    .body("messages[0].authorId", equalTo(account))
                    .body("messages[0].uploadIds", contains(upload));
            String ticket = opened.path("id");
            assertThat(opened.header("Location")).endsWith("/applications/" + app + "/tickets/" + ticket);
            JsonNode openedEvent = data(probe.await(r -> app.equals(r.key())
                    && r.value().getType().equals("mpaspor.application.HelpdeskTicketOpened.v1"), Duration.ofSeconds(30)));
            assertThat(openedEvent.get("ticketId").asText()).isEqualTo(ticket);
            assertThat(openedEvent.get("officeCode").asText()).isEqualTo("JKTUT");
            assertThat(openedEvent.has("subject")).as("the applicant's words stay here").isFalse();

            // the office's queue shows it; the officer answers: ANSWERED, a mail to the applicant, an event
            given().auth().oauth2(officer).when().get("/applications/tickets")
                    .then().statusCode(200).body("id", hasItem(ticket));
            write(officer, app, ticket, "Pembayaran sudah kami terima, status diperbarui dalam 1 jam.")
                    .then().statusCode(201).body("state", equalTo("ANSWERED"))
                    .body("messages[1].authorRole", equalTo("OFFICER"));
            probe.await(r -> app.equals(r.key())
                    && r.value().getType().equals("mpaspor.application.HelpdeskTicketAnswered.v1"), Duration.ofSeconds(30));
            var mail = MailCatcher.await(email(account), "Sudah bayar, status belum berubah", 1, Duration.ofSeconds(30));
            assertThat(MailCatcher.subjectOf(mail)).contains("Jawaban untuk tiket Anda").contains("Answer to your ticket");
            given().auth().oauth2(officer).when().get("/applications/tickets")
                    .then().statusCode(200).body("id", not(hasItem(ticket)));
            given().auth().oauth2(officer).queryParam("state", "ANSWERED").when().get("/applications/tickets")
                    .then().statusCode(200).body("id", hasItem(ticket));

            // the applicant replies: it waits for the office again; the officer closes it
            write(token(account), app, ticket, "Baik, saya tunggu.").then().statusCode(201)
                    .body("state", equalTo("OPEN"));
            close(officer, app, ticket).then().statusCode(200).body("state", equalTo("CLOSED"))
                    .body("reopenableUntil", not(equalTo(null)));
            probe.await(r -> app.equals(r.key())
                    && r.value().getType().equals("mpaspor.application.HelpdeskTicketClosed.v1"), Duration.ofSeconds(30));
            close(officer, app, ticket).then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "ticket-closed"));
            write(officer, app, ticket, "Tambahan.").then().statusCode(409)
                    .body("type", equalTo(PROBLEMS + "ticket-closed"));

            // within the window the applicant's reply reopens it
            write(token(account), app, ticket, "Status masih belum berubah.").then().statusCode(201)
                    .body("state", equalTo("OPEN")).body("messages.size()", equalTo(4));
            assertThat(timelineKinds(account, app)).containsSubsequence("TICKET_OPENED", "TICKET_ANSWERED",
                    "TICKET_REPLIED", "TICKET_CLOSED", "TICKET_REOPENED");

            // closed longer ago than the window (7 days): a new ticket is the way
            close(token(account), app, ticket).then().statusCode(200).body("state", equalTo("CLOSED"));
            RealInfrastructure.database().update("UPDATE helpdesk_ticket SET closed_at = closed_at - interval '8 days'"
                    + " WHERE id = ?::uuid", ticket);
            write(token(account), app, ticket, "Masih ada masalah.").then().statusCode(409)
                    .body("type", equalTo(PROBLEMS + "ticket-reopen-window-passed"));
            assertThat(count("SELECT count(*) FROM helpdesk_message WHERE ticket_id = ?::uuid", ticket)).isEqualTo(4);
        }
    }

    @Test
    void nobodyButTheApplicantAndTheOfficeOfTheBookingSeesATicket() {
        String account = newAccount();
        String app = bookedAt(account, "JKTBAR")[0];
        String ticket = open(token(account), app, Map.of("category", "APPOINTMENT", "subject", "Ganti sesi",
                "message", "Bisakah saya datang sore?")).then().statusCode(201).extract().path("id");
        String stranger = token(newAccount());
        String otherOffice = TestJwt.officer("officer-" + UUID.randomUUID(), "SBY");

        given().auth().oauth2(stranger).when().get("/applications/{id}/tickets/{t}", app, ticket)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "application-not-found"));
        write(stranger, app, ticket, "Halo").then().statusCode(404);
        open(stranger, app, Map.of("category", "OTHER", "subject", "x", "message", "y")).then().statusCode(404);
        given().auth().oauth2(otherOffice).when().get("/applications/{id}/tickets/{t}", app, ticket)
                .then().statusCode(404).body("type", equalTo(PROBLEMS + "application-not-found"));
        write(otherOffice, app, ticket, "Halo").then().statusCode(404);
        close(otherOffice, app, ticket).then().statusCode(404);
        given().auth().oauth2(otherOffice).queryParam("office", "JKTBAR").when().get("/applications/tickets")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(otherOffice).when().get("/applications/tickets")
                .then().statusCode(200).body("id", not(hasItem(ticket)));
        // a ticket id of another application is not found on this one
        String mine = createApplication(newAccount());
        given().auth().oauth2(token(account)).when().get("/applications/{id}/tickets/{t}", mine, ticket)
                .then().statusCode(404);
        given().auth().oauth2(TestJwt.admin("admin-1")).queryParam("office", "JKTBAR")
                .when().get("/applications/tickets").then().statusCode(200).body("id", hasItem(ticket));
        assertThat(count("SELECT count(*) FROM helpdesk_message WHERE ticket_id = ?::uuid", ticket)).isEqualTo(1);
    }

    @Test
    void aBadTicketIsAFieldErrorAndStoresNothing() {
        String account = newAccount();
        String[] booked = bookedAt(account, "JKTPUS");
        String app = booked[0];
        String other = newAccount();
        String othersApp = createApplication(other);
        String othersUpload = uploaded(other, othersApp, addApplicant(other, othersApp, adult("Budi Santoso")));

        open(token(account), app, Map.of("category", "WEATHER", "subject", " ", "message", ""))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("category", "subject", "message"));
        open(token(account), app, Map.of("category", "OTHER", "subject", "x".repeat(151), "message", "ok"))
                .then().statusCode(400).body("errors.field", contains("subject"));
        open(token(account), app, Map.of("category", "DOCUMENT", "subject", "Lampiran", "message", "lihat lampiran",
                "uploadIds", List.of(othersUpload)))
                .then().statusCode(400).body("errors.field", contains("uploadIds[0]"));
        open(token(account), app, Map.of("category", "DOCUMENT", "subject", "Lampiran", "message", "lihat",
                "uploadIds", List.of("not-an-id")))
                .then().statusCode(400).body("errors.field", contains("uploadIds[0]"));
        given().auth().oauth2(token(account)).contentType(ContentType.JSON).body("{}")
                .when().post("/applications/{id}/tickets", app).then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(count("SELECT count(*) FROM helpdesk_ticket WHERE application_id = ?::uuid", app)).isZero();
        assertThat(timelineKinds(account, app)).doesNotContain("TICKET_OPENED");

        String ticket = open(token(account), app, Map.of("category", "OTHER", "subject", "Pertanyaan",
                "message", "Halo")).then().statusCode(201).extract().path("id");
        write(token(account), app, ticket, "  ").then().statusCode(400).body("errors.field", contains("message"));
        given().auth().oauth2(TestJwt.officer("o", "JKTPUS")).queryParam("state", "LOST")
                .when().get("/applications/tickets").then().statusCode(400).body("errors.field", contains("state"));
        assertThat(count("SELECT count(*) FROM helpdesk_message WHERE ticket_id = ?::uuid", ticket)).isEqualTo(1);
    }

    private static JsonNode data(org.apache.kafka.clients.consumer.ConsumerRecord<String, CloudEvent> record)
            throws Exception {
        return JSON.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
    }
}
