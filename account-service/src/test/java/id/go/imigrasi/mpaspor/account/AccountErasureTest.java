package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;


import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.contracts.application.AccountErasureRefused;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDataErased;
import id.go.imigrasi.mpaspor.contracts.billing.BillingDataErased;
import id.go.imigrasi.mpaspor.contracts.biometric.BiometricDataErased;
import id.go.imigrasi.mpaspor.contracts.quota.QuotaDataErased;
import id.go.imigrasi.mpaspor.contracts.upload.UploadDataErased;
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
 * Issue 23, erasure of an account: the holder asks with their password; the account is locked and its sessions end;
 * application-service's answer either erases the account (AccountErased goes out, nothing of the address remains, the
 * other services' confirmations are recorded for the admins) or refuses it (the account is active again and the
 * holder is told by mail).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AccountErasureTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static io.restassured.response.Response erase(String access, String password) {
        return given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("password", password))
                .when().post("/accounts/me/erasure");
    }

    private static String login(String email) {
        return Accounts.login(email, Accounts.PASSWORD).then().statusCode(200).extract().path("accessToken");
    }

    private void publish(IntegrationEvent event) throws Exception {
        Events.publish(kafka, event);
    }

    @Test
    void theHolderAsksWithThePasswordThenTheAccountIsErasedAndEachServiceConfirms() throws Exception {
        String email = Accounts.newEmail("hapus");
        String id = Accounts.activeApplicant(email);
        String access = login(email);

        erase(access, "bukan-sandinya").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "wrong-current-password"))
                .body("errors[0].field", equalTo("password"));
        given().auth().oauth2(access).when().get("/accounts/me").then().statusCode(200).body("status", equalTo("ACTIVE"));
        erase(TestJwt.officer("officer-1", "JKTSEL"), Accounts.PASSWORD).then().statusCode(403);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "account.events")) {
            erase(access, Accounts.PASSWORD).then().statusCode(202).body("status", equalTo("ERASURE_PENDING"));
            probe.await(r -> id.equals(r.key()) && r.value().getType().equals(
                    "mpaspor.account.AccountErasureRequested.v1"), Duration.ofSeconds(20));
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> given()
                    .auth().oauth2(access).when().get("/accounts/me").statusCode() == 401);
            Accounts.login(email, Accounts.PASSWORD).then().statusCode(403)
                    .body("type", equalTo(PROBLEMS + "account-erasure-pending"));

            publish(new ApplicationDataErased(id, Map.of("application", 1, "applicant", 2), Instant.now()));
            var erased = probe.await(r -> id.equals(r.key())
                    && r.value().getType().equals("mpaspor.account.AccountErased.v1"), Duration.ofSeconds(30));
            assertThat(new String(erased.value().getData().toBytes(), StandardCharsets.UTF_8)).contains(id);
        }
        assertThat(PersonalDataScan.traces(RealInfrastructure.database(), email)).isEmpty();
        assertThat(RealInfrastructure.database().rows("SELECT full_name, phone, status FROM account WHERE id = ?::uuid",
                id).get(0)).containsEntry("full_name", "").containsEntry("phone", null).containsEntry("status", "ERASED");
        Accounts.login(email, Accounts.PASSWORD).then().statusCode(401)
                .body("type", equalTo(PROBLEMS + "invalid-credentials"));

        publish(new QuotaDataErased(id, Map.of("hold_nik", 1), Instant.now()));
        publish(new BillingDataErased(id, Map.of("bill_line", 1), Instant.now()));
        publish(new BiometricDataErased(id, Map.of("appointment", 1), Instant.now()));
        publish(new UploadDataErased(id, Map.of("upload", 2), Instant.now()));
        String admin = TestJwt.admin("admin-erasure");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(admin).when().get("/admin/erasures")
                .then().statusCode(200).extract().jsonPath()
                .getList("find { it.accountId == '" + id + "' }.awaiting").isEmpty());
        given().auth().oauth2(admin).when().get("/admin/erasures").then()
                .body("find { it.accountId == '" + id + "' }.outcome", equalTo("ERASED"))
                .body("find { it.accountId == '" + id + "' }.confirmations", hasSize(5))
                .body("find { it.accountId == '" + id + "' }.confirmations.service",
                        equalTo(List.of("application", "billing", "biometric", "quota", "upload")));
        given().auth().oauth2(TestJwt.applicant(UUID.randomUUID().toString())).when().get("/admin/erasures").then()
                .statusCode(403);
        // the audit: asked by the holder, then each service's erasure, append-only
        List<String> actions = given().auth().oauth2(admin).when().get("/admin/privacy-audit?accountId=" + id).then()
                .statusCode(200).extract().jsonPath().getList("action");
        assertThat(actions).containsExactlyInAnyOrder("ACCOUNT_ERASED", "ACCOUNT_ERASED", "ACCOUNT_ERASED",
                "ACCOUNT_ERASED", "ACCOUNT_ERASED", "ACCOUNT_ERASED", "ERASURE_REQUESTED");
        given().auth().oauth2(admin).when().get("/admin/privacy-audit?accountId=not-an-id").then().statusCode(400)
                .body("errors[0].field", equalTo("accountId"));
        // a limit that is no whole number is the request's mistake (400), not a list that is missing (404)
        for (String list : List.of("/admin/privacy-audit?limit=abc", "/admin/erasures?limit=1.5", "/admin/audit?limit=5x")) {
            given().auth().oauth2(admin).when().get(list).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("limit"))
                    .body("errors[0].code", equalTo("validation.page-limit"));
        }
        given().auth().oauth2(admin).when().get("/admin/erasures?limit=99999999999").then().statusCode(200); // the most
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RealInfrastructure.database()
                .update("UPDATE privacy_audit SET detail = 'x' WHERE account_id = ?::uuid", id))
                .hasMessageContaining("append-only");
        // the confirmations are append-only
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RealInfrastructure.database()
                .update("DELETE FROM account_erasure_confirmation WHERE account_id = ?::uuid", id))
                .hasMessageContaining("append-only");
    }

    @Test
    void aRefusalUnlocksTheAccountAndTellsTheHolder() throws Exception {
        String email = Accounts.newEmail("tolak");
        String id = Accounts.activeApplicant(email);
        erase(login(email), Accounts.PASSWORD).then().statusCode(202);
        Accounts.login(email, Accounts.PASSWORD).then().statusCode(403);

        String application = UUID.randomUUID().toString();
        publish(new AccountErasureRefused(id, List.of(application), Instant.now()));
        var mail = MailServer.await(email, "belum dapat", 1, Duration.ofSeconds(30));
        assertThat(MailServer.bodyOf(mail)).contains("1 permohonan paspor masih berjalan");
        login(email);
        given().auth().oauth2(TestJwt.admin("admin-erasure")).when().get("/admin/erasures").then().statusCode(200)
                .body("find { it.accountId == '" + id + "' }.outcome", equalTo("REFUSED"))
                .body("find { it.accountId == '" + id + "' }.applicationsInProgress", equalTo(List.of(application)));
    }
}
