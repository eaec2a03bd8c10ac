package id.go.imigrasi.mpaspor.application.upload;

import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.randomBytes;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.slice;
import static id.go.imigrasi.mpaspor.application.upload.support.Uploads.storedFile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.upload.admission.PatchAdmission;
import id.go.imigrasi.mpaspor.application.upload.support.Uploads.Applicant;
import id.go.imigrasi.mpaspor.application.upload.support.Uploads.RawPatch;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Saturation: with every PATCH slot held by slow clients (test limit: 4 concurrent, 2 per account), further
 * PATCHes are answered at once - 503 with a Retry-After that grows with the pressure, 429 for an account over its
 * share - never left waiting; once the slow ones finish, the refused uploads go through.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
class AdmissionControlTest {

    private static final int SIZE = 50_000;

    @Inject
    PatchAdmission admission;

    @Test
    void saturationIsAnsweredAtOnceWith503Or429AndRetryAfterAndEveryUploadCompletesAfterwards() throws Exception {
        Applicant greedy = Applicant.withDraft();
        Applicant other = Applicant.withDraft();
        Applicant late = Applicant.withDraft();
        byte[] file = randomBytes(SIZE, 11);
        List<RawPatch> slow = new ArrayList<>();
        List<String> slowLocations = new ArrayList<>();
        String greedyThird;
        String lateUpload;
        try {
            for (Applicant holder : List.of(greedy, greedy, other, other)) {
                String location = holder.create(SIZE, "KK");
                RawPatch patch = new RawPatch(holder.token(), location, 0, SIZE);
                patch.send(slice(file, 0, 1_000)); // and then the network crawls
                slow.add(patch);
                slowLocations.add(location);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> admission.inFlight() == 4);

            // one account over its share: 429 at once
            greedyThird = greedy.create(SIZE, "KK");
            long started = System.nanoTime();
            Response fairShare = greedy.patch(greedyThird, 0, file);
            long fairShareMillis = (System.nanoTime() - started) / 1_000_000;
            fairShare.then().statusCode(429).header("Tus-Resumable", "1.0.0")
                    .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-fair-share-exceeded"));
            assertThat(Integer.parseInt(fairShare.header("Retry-After"))).isGreaterThanOrEqualTo(1);
            assertThat(fairShareMillis).isLessThan(2_000);

            // the instance at its limit: 503 at once, Retry-After growing while the pressure lasts
            lateUpload = late.create(SIZE, "KK");
            List<Integer> retryAfter = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                started = System.nanoTime();
                Response shed = late.patch(lateUpload, 0, file);
                long shedMillis = (System.nanoTime() - started) / 1_000_000;
                shed.then().statusCode(503).header("Tus-Resumable", "1.0.0").contentType("application/problem+json")
                        .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-overloaded"));
                assertThat(shedMillis).as("a shed answer must come at once").isLessThan(2_000);
                retryAfter.add(Integer.parseInt(shed.header("Retry-After")));
            }
            assertThat(retryAfter.get(0)).isGreaterThanOrEqualTo(1);
            assertThat(retryAfter.get(retryAfter.size() - 1)).isGreaterThan(retryAfter.get(0));
            assertThat(late.offset(lateUpload)).isZero();

            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("mpaspor_upload_patch_limit 4.0")
                    .contains("mpaspor_upload_patch_in_flight 4.0")
                    .containsPattern("mpaspor_upload_patch_shed_total\\{reason=\"overload\"[^}]*} 1[2-9]\\.0|"
                            + "mpaspor_upload_patch_shed_total\\{reason=\"overload\"[^}]*} [2-9][0-9]\\.0");

            // the slow clients finish; their slots free up
            for (RawPatch patch : slow) {
                patch.send(slice(file, 1_000, SIZE));
                assertThat(patch.statusLine()).isEqualTo("HTTP/1.1 204 No Content");
            }
        } finally {
            for (RawPatch patch : slow) {
                patch.close();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> admission.inFlight() == 0);

        // the refused clients come back (after Retry-After, which a real client honours) and complete
        greedy.patch(greedyThird, 0, file).then().statusCode(204);
        late.patch(lateUpload, 0, file).then().statusCode(204);
        for (String location : slowLocations) {
            assertThat(Files.readAllBytes(storedFile(location))).isEqualTo(file);
        }
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM upload WHERE status = 'COMPLETE'"
                + " AND account_id IN (?::uuid, ?::uuid, ?::uuid)", greedy.account().toString(),
                other.account().toString(), late.account().toString())).isEqualTo(6);
    }
}
