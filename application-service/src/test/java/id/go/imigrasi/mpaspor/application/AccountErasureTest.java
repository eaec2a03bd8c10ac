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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;


import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentUploaded;
import id.go.imigrasi.mpaspor.contracts.account.AccountErasureRequested;
import id.go.imigrasi.mpaspor.contracts.account.DataExportRequested;
import id.go.imigrasi.mpaspor.testkit.PersonalDataScan;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 23, erasure, the deciding step: on AccountErasureRequested application-service refuses while an application is
 * in progress (nothing erased, AccountErasureRefused names it), and otherwise erases everything of the account, the
 * stored document bytes included, and confirms with ApplicationDataErased. Nothing of the person remains in any table.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccountErasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERASED = "mpaspor.application.ApplicationDataErased.v1";
    private static final String REFUSED = "mpaspor.application.AccountErasureRefused.v1";

    private static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A document upload-service announced for the applicant (its uploads, rows and bytes, are upload-service's and
     * erased there: upload-service's AccountErasureTest); here it becomes the applicant's document state.
     */
    private static String upload(String account, String app, String applicant) {
        String uploadId = UUID.randomUUID().toString();
        publish(new DocumentUploaded(uploadId, app, applicant, account, "EKTP", "ektp.png", 1_000, "ab".repeat(32),
                "uploads/" + uploadId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM applicant_document WHERE upload_id = ?", uploadId) == 1);
        return uploadId;
    }

    private static JsonNode data(CloudEvent event) throws IOException {
        return JSON.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void withNoApplicationInProgressEverythingOfTheAccountGoes() throws Exception {
        String account = newAccount();
        String draft = createApplication(account);
        String name = "Intan Terhapus " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> form = adult(name);
        String nik = (String) form.get("nik");
        String applicant = addApplicant(account, draft, form);
        String uploadId = upload(account, draft, applicant);
        String finished = createApplication(account);
        RealInfrastructure.database().update("UPDATE application SET status = 'DELIVERED' WHERE id = ?::uuid", finished);
        String other = newAccount();
        String othersApp = createApplication(other);
        String othersApplicant = addApplicant(other, othersApp, adult("Tetap Ada"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0);
        assertThat(PersonalDataScan.traces(RealInfrastructure.database(), nik, name, account)).isNotEmpty();

        // the person's copy first (issue 23, access): every application, applicant, document record and timeline
        String exportId = UUID.randomUUID().toString();
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            publish(new DataExportRequested(exportId, account, Instant.now()));
            var part = probe.await(r -> "mpaspor.application.ApplicationDataExported.v1".equals(r.value().getType())
                    && account.equals(r.key()), Duration.ofSeconds(30));
            JsonNode exported = data(part.value());
            assertThat(exported.path("exportId").asText()).isEqualTo(exportId);
            assertThat(exported.path("data").path("applications")).hasSize(2);
            assertThat(exported.path("data").path("applicants").get(0).path("nik").asText()).isEqualTo(nik);
            assertThat(exported.path("data").path("document_states").get(0).path("applicant_id").asText())
                    .isEqualTo(applicant);
            assertThat(exported.path("data").path("document_states").get(0).path("upload_id").asText())
                    .isEqualTo(uploadId);
            assertThat(exported.path("data").has("documents")).as("the uploads' records are upload-service's part")
                    .isFalse();
            assertThat(exported.toString()).doesNotContain(othersApplicant);
        }

        String eventId = UUID.randomUUID().toString();
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            publish(new AccountErasureRequested(account, Instant.now()), eventId, Instant.now());
            var confirmation = probe.await(r -> ERASED.equals(r.value().getType()) && account.equals(r.key()),
                    Duration.ofSeconds(30));
            JsonNode removed = data(confirmation.value()).path("removed");
            assertThat(removed.path("application").asInt()).isEqualTo(2);
            assertThat(removed.path("applicant").asInt()).isEqualTo(1);
            assertThat(removed.path("applicant_document").asInt()).isEqualTo(1);
            assertThat(removed.has("upload")).as("the uploads are upload-service's").isFalse();

            assertThat(PersonalDataScan.traces(RealInfrastructure.database(), nik, name, email(account))).isEmpty();
            // the account id stays only where the confirmation itself names it (a random id that names nobody)
            assertThat(PersonalDataScan.traces(RealInfrastructure.database(), account))
                    .containsExactlyInAnyOrder("outbox.aggregate_id: " + account, "outbox.payload: " + account);
            assertThat(count("SELECT count(*) FROM applicant WHERE id = ?::uuid", othersApplicant)).isOne();
            given().auth().oauth2(token(account)).when().get("/applications/{id}", draft).then().statusCode(404);

            // redelivered: nothing more happens, nothing is confirmed twice
            publish(new AccountErasureRequested(account, Instant.now()), eventId, Instant.now());
            String marker = newAccount();
            publish(new AccountErasureRequested(marker, Instant.now()));
            probe.await(r -> ERASED.equals(r.value().getType()) && marker.equals(r.key()), Duration.ofSeconds(30));
            assertThat(probe.seen().stream().filter(r -> ERASED.equals(r.value().getType()) && account.equals(r.key())))
                    .hasSize(1);
        }
    }

    @Test
    void anApplicationInProgressKeepsTheWholeAccountAndTheRefusalNamesIt() throws Exception {
        String account = newAccount();
        String booked = createApplication(account);
        String applicant = addApplicant(account, booked, adult("Masih Berjalan"));
        RealInfrastructure.database().update("UPDATE application SET status = 'BOOKED' WHERE id = ?::uuid", booked);
        String draft = createApplication(account);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "application.events")) {
            publish(new AccountErasureRequested(account, Instant.now()));
            var refusal = probe.await(r -> REFUSED.equals(r.value().getType()) && account.equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(data(refusal.value()).path("applicationIds").get(0).asText()).isEqualTo(booked);
            assertThat(data(refusal.value()).path("applicationIds")).hasSize(1);
        }
        assertThat(count("SELECT count(*) FROM application WHERE account_id = ?::uuid", account)).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM applicant WHERE id = ?::uuid", applicant)).isOne();
        given().auth().oauth2(token(account)).when().get("/applications/{id}", draft).then().statusCode(200);
    }
}
