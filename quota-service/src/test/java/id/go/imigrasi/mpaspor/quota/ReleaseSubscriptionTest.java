package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.count;
import static id.go.imigrasi.mpaspor.quota.support.Quota.data;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.service.AdminService;
import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.MailServer;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Issue 22, "tell me when this office releases quota": one subscription per account and office however often it is
 * asked for; a release mails each subscriber of its office exactly once (real SMTP: the testkit's GreenMail), also when
 * the release job runs on several threads at once or again for the same release; an unsubscribed person, a subscriber
 * of another office and an anonymous caller get nothing; erasure removes the subscriptions, the export shows them.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReleaseSubscriptionTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    AdminService admin;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @TestHTTPResource("/offices/PLM/release-subscription")
    URI palembang;

    @Test
    void subscribingAgainOrManyTimesAtOnceKeepsOneSubscription() throws Exception {
        String account = Quota.account();
        String token = TestJwt.applicant(account);
        subscribe(token, "PLM", "id").statusCode(201).body("officeCode", equalTo("PLM"))
                .body("email", equalTo(email(account))).body("language", equalTo("id"));
        subscribe(token, "PLM", "en-GB,en;q=0.8").statusCode(200).body("language", equalTo("en"));
        List<CompletableFuture<HttpResponse<String>>> copies = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            copies.add(HTTP.sendAsync(HttpRequest.newBuilder(palembang).header("Authorization", "Bearer " + token)
                    .header("Accept-Language", "en").PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var copy : copies) {
            assertThat(copy.get().statusCode()).isEqualTo(200);
        }
        assertThat(count("SELECT count(*) FROM release_subscription WHERE account_id = ?", account)).isEqualTo(1);
        given().auth().oauth2(token).when().get("/release-subscriptions").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].officeCode", equalTo("PLM")).body("[0].language", equalTo("en"));

        given().auth().oauth2(token).when().delete("/offices/PLM/release-subscription").then().statusCode(204);
        given().auth().oauth2(token).when().delete("/offices/PLM/release-subscription").then().statusCode(204);
        given().auth().oauth2(token).when().get("/release-subscriptions").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void anonymousCallersAndBadOfficesAreRefused() {
        given().when().put("/offices/PLM/release-subscription").then().statusCode(401);
        given().when().delete("/offices/PLM/release-subscription").then().statusCode(401);
        given().when().get("/release-subscriptions").then().statusCode(401);
        String token = TestJwt.applicant(Quota.account());
        subscribe(token, "NOWHERE", "en").statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/office-not-found"));
        subscribe(token, "x", "en").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        given().auth().oauth2(token).when().delete("/offices/NOWHERE/release-subscription").then().statusCode(404);
        given().when().post("/release-subscriptions/unsubscribe?token=nope").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("token"));
        assertThat(count("SELECT count(*) FROM release_subscription WHERE office_code = 'NOWHERE'")).isZero();
    }

    @Test
    void aReleaseMailsEachSubscriberOfItsOfficeOnceAndNobodyElse() {
        String office = "SMD";
        LocalDate date = weekday(44);
        String siti = Quota.account();
        String john = Quota.account();
        String gone = Quota.account();
        String elsewhere = Quota.account();
        subscribe(TestJwt.applicant(siti), office, "id").statusCode(201);
        subscribe(TestJwt.applicant(john), office, "en").statusCode(201);
        subscribe(TestJwt.applicant(gone), office, "id").statusCode(201);
        given().auth().oauth2(TestJwt.applicant(gone)).when().delete("/offices/" + office + "/release-subscription")
                .then().statusCode(204);
        subscribe(TestJwt.applicant(elsewhere), "KDI", "id").statusCode(201);

        String release = Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201).extract()
                .path("releaseId");

        var toSiti = MailServer.await(email(siti), "Kuota baru dibuka", 1, Duration.ofSeconds(30));
        assertThat(MailServer.subjectOf(toSiti)).contains("Kantor Imigrasi Kelas I TPI Samarinda");
        assertThat(MailServer.bodyOf(toSiti)).contains(DATE.format(date), "WITA", "/offices/" + office,
                "/release-subscriptions/unsubscribe?token=");
        var toJohn = MailServer.await(email(john), "New quota released", 1, Duration.ofSeconds(30));
        assertThat(MailServer.bodyOf(toJohn)).contains("can be booked from", DATE.format(date), "Unsubscribe");
        // nothing more arrives: one each, none for the unsubscribed nor for another office's subscriber
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                MailServer.messagesTo(email(siti)).size() == 1 && MailServer.messagesTo(email(john)).size() == 1
                        && MailServer.messagesTo(email(gone)).isEmpty()
                        && MailServer.messagesTo(email(elsewhere)).isEmpty());
        assertThat(count("SELECT count(*) FROM queued_mail WHERE idempotency_key LIKE ?", "quota-released:" + release + ":%"))
                .isEqualTo(2);
        // the subscription stays for the next release
        assertThat(count("SELECT count(*) FROM release_subscription WHERE office_code = ?", office)).isEqualTo(2);

        // the mail's link unsubscribes without logging in; a repeat of it changes nothing
        String link = Quota.value("SELECT CAST(unsubscribe_token AS text) FROM release_subscription"
                + " WHERE account_id = ?", siti).toString();
        assertThat(MailServer.bodyOf(toSiti)).contains("token=" + link);
        given().queryParam("token", link).when().post("/release-subscriptions/unsubscribe").then().statusCode(204);
        given().queryParam("token", link).when().post("/release-subscriptions/unsubscribe").then().statusCode(204);
        assertThat(count("SELECT count(*) FROM release_subscription WHERE account_id = ?", siti)).isZero();
        assertThat(count("SELECT count(*) FROM release_subscription WHERE account_id = ?", john)).isEqualTo(1);
    }

    @Test
    void theReleaseJobRunningConcurrentlyOrAgainMailsOnce() throws Exception {
        String office = "BPN";
        LocalDate date = weekday(45);
        String ayu = Quota.account();
        String budi = Quota.account();
        subscribe(TestJwt.applicant(ayu), office, "id").statusCode(201);
        subscribe(TestJwt.applicant(budi), office, "en").statusCode(201);
        String release = Quota.release(office, date, date, Instant.now().plusSeconds(3600)).statusCode(201)
                .extract().path("releaseId");
        assertThat(count("SELECT count(*) FROM queued_mail WHERE idempotency_key LIKE ?", "quota-released:" + release + ":%"))
                .as("not released yet").isZero();

        // its time comes: four runs of the job at once (and the scheduler's own) publish it once
        Quota.execute("UPDATE quota_release SET release_at = now() - interval '1 second' WHERE id = CAST(? AS uuid)",
                release);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(this::publishDue));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Quota.value(
                "SELECT published_at FROM quota_release WHERE id = CAST(? AS uuid)", release) != null);
        MailServer.await(email(ayu), "Kuota baru dibuka", 1, Duration.ofSeconds(30));
        MailServer.await(email(budi), "New quota released", 1, Duration.ofSeconds(30));

        // the job runs again for the same release (as after a crash before its commit was seen): no second mail
        Quota.execute("UPDATE quota_release SET published_at = NULL WHERE id = CAST(? AS uuid)", release);
        assertThat(publishDue()).isGreaterThanOrEqualTo(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> Quota.value(
                "SELECT published_at FROM quota_release WHERE id = CAST(? AS uuid)", release) != null);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                MailServer.messagesTo(email(ayu)).size() == 1 && MailServer.messagesTo(email(budi)).size() == 1);
        assertThat(count("SELECT count(*) FROM queued_mail WHERE idempotency_key LIKE ?", "quota-released:" + release + ":%"))
                .isEqualTo(2);
    }

    @Test
    void erasureRemovesTheSubscriptionsAndTheExportShowsThem() {
        String account = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        subscribe(TestJwt.applicant(account), "MND", "id").statusCode(201);
        subscribe(TestJwt.applicant(account), "AMB", "en").statusCode(201);
        subscribe(TestJwt.applicant(other), "MND", "id").statusCode(201);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "quota.events")) {
            String exportId = UUID.randomUUID().toString();
            Quota.publish(kafka, "account.events", UUID.randomUUID().toString(), "/mpaspor/account-service",
                    "mpaspor.account.DataExportRequested.v1", account, "{\"exportId\":\"" + exportId
                            + "\",\"accountId\":\"" + account + "\",\"requestedAt\":\"" + Instant.now() + "\"}");
            var part = probe.await(r -> "mpaspor.quota.QuotaDataExported.v1".equals(r.value().getType())
                    && account.equals(r.key()), Duration.ofSeconds(30));
            assertThat(data(part.value())).contains("release_subscriptions", "MND", "AMB", email(account))
                    .doesNotContain(email(other));

            Quota.publish(kafka, "account.events", UUID.randomUUID().toString(), "/mpaspor/account-service",
                    "mpaspor.account.AccountErased.v1", account,
                    "{\"accountId\":\"" + account + "\",\"erasedAt\":\"" + Instant.now() + "\"}");
            var confirmation = probe.await(r -> "mpaspor.quota.QuotaDataErased.v1".equals(r.value().getType())
                    && account.equals(r.key()), Duration.ofSeconds(30));
            assertThat(data(confirmation.value())).contains("\"release_subscription\":2");
        }
        assertThat(count("SELECT count(*) FROM release_subscription WHERE account_id = ?", account)).isZero();
        assertThat(count("SELECT count(*) FROM release_subscription WHERE account_id = ?", other)).isEqualTo(1);
    }

    /** What the release job does each tick (QuotaJobs), from a thread of the test. */
    private int publishDue() {
        try {
            return VertxContextSupport.subscribeAndAwait(admin::publishDue);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.ValidatableResponse subscribe(String token, String office, String language) {
        return given().auth().oauth2(token).header("Accept-Language", language).when()
                .put("/offices/" + office + "/release-subscription").then();
    }

    /** The address TestJwt puts in an applicant's token (upn). */
    private static String email(String account) {
        return account + "@test.mpaspor.id";
    }
}
