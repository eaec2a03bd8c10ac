package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDataExported;
import id.go.imigrasi.mpaspor.contracts.billing.BillingDataExported;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricDataExported;
import id.go.imigrasi.mpaspor.contracts.quota.QuotaDataExported;
import id.go.imigrasi.mpaspor.contracts.upload.UploadDataExported;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 23, access and portability: a person asks for a copy of their data; account-service waits for every service's
 * part, then assembles one JSON and one PDF of the same content, mails the holder, serves it to its owner only, and
 * refuses it once expired.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DataExportTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private void publish(IntegrationEvent event) throws Exception {
        Events.publish(kafka, event);
    }

    private static Response get(String token, String path, Object... params) {
        return given().auth().oauth2(token).when().get(path, params);
    }

    @Test
    void theCopyIsGatheredFromEveryServiceServedToItsOwnerAsJsonAndPdfAndExpires() throws Exception {
        String email = Accounts.newEmail("salinan");
        String id = Accounts.activeApplicant(email);
        String token = Accounts.login(email, Accounts.PASSWORD).then().statusCode(200).extract().path("accessToken");

        String exportId;
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "account.events")) {
            exportId = given().auth().oauth2(token).when().post("/accounts/me/data-exports").then().statusCode(202)
                    .body("status", equalTo("PREPARING")).extract().path("id");
            var requested = probe.await(r -> id.equals(r.key())
                    && r.value().getType().equals("mpaspor.account.DataExportRequested.v1"), Duration.ofSeconds(20));
            assertThat(new String(requested.value().getData().toBytes(), StandardCharsets.UTF_8)).contains(exportId);
        }
        // asking again while it is prepared answers the same export
        given().auth().oauth2(token).when().post("/accounts/me/data-exports").then().statusCode(202)
                .body("id", equalTo(exportId));
        get(token, "/accounts/me/data-exports/{id}/data.json", exportId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "data-export-not-ready"));

        String nik = "3171014101900099";
        publish(new ApplicationDataExported(exportId, id, Map.of("applicants", List.of(
                Map.of("full_name", "Nadia Putri", "nik", nik))), Instant.now()));
        publish(new QuotaDataExported(exportId, id, Map.of("holds", List.of(Map.of("niks", nik))), Instant.now()));
        publish(new BillingDataExported(exportId, id, Map.of("bills", List.of()), Instant.now()));
        publish(new BiometricDataExported(exportId, id, Map.of("appointments", List.of(
                Map.of("passport_number", "E1234567"))), Instant.now()));
        // four parts in, upload-service's (the uploads' records) missing: the export is not complete
        await().atMost(Duration.ofSeconds(30)).until(() -> RealInfrastructure.database()
                .count("SELECT count(*) FROM data_export_part WHERE export_id = ?::uuid", exportId) == 4);
        get(token, "/accounts/me/data-exports/{id}/data.json", exportId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "data-export-not-ready"));
        publish(new UploadDataExported(exportId, id, Map.of("uploads", List.of(
                Map.of("document_type", "KTP", "file_name", "ktp-nadia.jpg"))), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "READY".equals(get(token, "/accounts/me/data-exports")
                .then().statusCode(200).extract().path("find { it.id == '" + exportId + "' }.status")));

        Response json = get(token, "/accounts/me/data-exports/{id}/data.json", exportId);
        json.then().statusCode(200).contentType("application/json").header("Cache-Control", "no-store")
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(".json"));
        JsonNode document = JSON.readTree(json.asByteArray());
        assertThat(document.path("data").path("account").path("account")).as(json.asString()).hasSize(1);
        assertThat(document.path("data").path("account").path("account").get(0).path("email").asText()).isEqualTo(email);
        assertThat(document.path("data").path("account").path("account").get(0).has("password_hash")).isFalse();
        assertThat(document.path("data").path("application").path("applicants").get(0).path("nik").asText())
                .isEqualTo(nik);
        assertThat(document.path("data").path("biometric").path("appointments").get(0).path("passport_number")
                .asText()).isEqualTo("E1234567");
        assertThat(document.path("data").path("upload").path("uploads").get(0).path("file_name").asText())
                .isEqualTo("ktp-nadia.jpg");

        Response pdf = get(token, "/accounts/me/data-exports/{id}/data.pdf", exportId);
        pdf.then().statusCode(200).contentType("application/pdf");
        assertThat(new String(pdf.asByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (var loaded = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(loaded);
            assertThat(text).contains("Data pribadi Anda di M-Paspor", email, "Nadia Putri", nik, "E1234567",
                    "Dokumen yang diunggah", "ktp-nadia.jpg");
        }
        var mail = MailServer.await(email, "sudah siap", 1, Duration.ofSeconds(30));
        assertThat(MailServer.bodyOf(mail)).contains("Data saya");

        // nobody else gets it, not even knowing it exists
        get(TestJwt.applicant(UUID.randomUUID().toString()), "/accounts/me/data-exports/{id}/data.json", exportId)
                .then().statusCode(404);
        get(token, "/accounts/me/data-exports/{id}/data.json", "not-a-uuid").then().statusCode(404);
        get(token, "/accounts/me/data-exports").then().body("find { it.id == '" + exportId + "' }.downloadedAt",
                org.hamcrest.Matchers.notNullValue());

        assertThat(given().auth().oauth2(TestJwt.admin("admin-export")).when()
                .get("/admin/privacy-audit?accountId=" + id).then().statusCode(200).extract().jsonPath().getList("action", String.class))
                .contains("EXPORT_REQUESTED", "EXPORT_READY", "EXPORT_DOWNLOADED");

        // past its lifetime it is gone
        RealInfrastructure.database().update("UPDATE data_export SET expires_at = now() - interval '1 minute'"
                + " WHERE id = ?::uuid", exportId);
        get(token, "/accounts/me/data-exports/{id}/data.pdf", exportId).then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "data-export-expired"));
    }
}
