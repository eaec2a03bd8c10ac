package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.applicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.registeredNik;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Anti-scalping: a NIK is in at most one active application, even when many requests race for it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OneActiveApplicationPerNikTest {

    private static final String CONFLICT = "https://mpaspor.imigrasi.go.id/problems/nik-in-active-application";

    @Test
    void concurrentAttemptsToPutOneNikIntoManyApplicationsLetExactlyOneThrough() throws Exception {
        LocalDate born = LocalDate.of(1987, 3, 14);
        String nik = registeredNik("Calo Target", born, "MALE");
        Map<String, Object> person = applicant("Calo Target", nik, born, "MALE");
        int attempts = 8;
        List<String> accounts = new ArrayList<>();
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            String account = newAccount();
            accounts.add(account);
            apps.add(createApplication(account));
        }
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                String account = accounts.get(i);
                String app = apps.get(i);
                results.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token(account)).header("Accept-Language", "en")
                            .contentType(ContentType.JSON).body(person)
                            .when().post("/applications/{id}/applicants", app).andReturn();
                }));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            for (Future<Response> f : results) {
                Response r = f.get(60, TimeUnit.SECONDS);
                if (r.statusCode() == 201) {
                    created++;
                } else {
                    assertThat(r.statusCode()).as(r.asString()).isEqualTo(409);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(r.jsonPath().getString("type")).isEqualTo(CONFLICT);
                    assertThat(r.jsonPath().getString("title")).isEqualTo("NIK already in an active application");
                    refused++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(refused).isEqualTo(attempts - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM applicant WHERE nik = ? AND active", nik)).isOne();
    }

    @Test
    void theSameNikTwiceInOneApplicationIsRefusedAndACancelledApplicationFreesIt() {
        LocalDate born = LocalDate.of(1991, 9, 9);
        String nik = registeredNik("Sari Dewi", born, "FEMALE");
        Map<String, Object> person = applicant("Sari Dewi", nik, born, "FEMALE");
        String first = newAccount();
        String app = createApplication(first);
        addApplicant(first, app, person);
        given().auth().oauth2(token(first)).contentType(ContentType.JSON).body(person)
                .when().post("/applications/{id}/applicants", app).then().statusCode(409)
                .body("type", equalTo(CONFLICT));

        String second = newAccount();
        String other = createApplication(second);
        given().auth().oauth2(token(second)).contentType(ContentType.JSON).body(person)
                .when().post("/applications/{id}/applicants", other).then().statusCode(409)
                .body("title", equalTo("NIK sudah terdaftar dalam permohonan aktif"));

        given().auth().oauth2(token(first)).when().post("/applications/{id}/cancellation", app)
                .then().statusCode(202).body("status", equalTo("CANCELLED"));
        addApplicant(second, other, person);
        assertThat(count("SELECT count(*) FROM applicant WHERE nik = ? AND active", nik)).isOne();
        assertThat(count("SELECT count(*) FROM applicant WHERE nik = ?", nik)).isEqualTo(2);
    }
}
