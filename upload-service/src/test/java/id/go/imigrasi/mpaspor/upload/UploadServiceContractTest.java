package id.go.imigrasi.mpaspor.upload;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import id.go.imigrasi.mpaspor.contracts.upload.DocumentReadGrant;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.ServiceContract;
import id.go.imigrasi.mpaspor.upload.support.UploadFixtures.Draft;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** upload-service boots against the real broker and a fresh database and keeps the platform's promises. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "upload"))
class UploadServiceContractTest extends ServiceContract {

    static final String GRANT_KEY = "test-document-grant-key-0123456789abcdef";

    @Override
    protected String applicationName() {
        return "upload-service";
    }

    /**
     * The tus resource's HEAD is left without the platform's retry: a tus client asks for the offset again itself
     * (tus-js-client and upload-client retry with backoff and Retry-After), and its PATCH and POST must never be
     * replayed by the server.
     */
    @Override
    protected Set<String> readsWithoutRetry() {
        return Set.of("id.go.imigrasi.mpaspor.application.upload.rest.UploadResource");
    }

    /** The read: a granted document (none accepted: 404 both times); the write: an upload's creation. */
    @Override
    protected Optional<LostConnectionProbe> lostConnectionProbe() {
        Draft draft = Draft.announced();
        UUID missing = UUID.randomUUID();
        String grant = DocumentReadGrant.withKey(GRANT_KEY).issue(missing, Instant.now().plusSeconds(600));
        return Optional.of(new LostConnectionProbe(
                "upload", () -> given().header(DocumentReadGrant.HEADER, grant).when()
                        .get("/documents/{id}", missing).andReturn(),
                "upload", () -> draft.create(1000, "EKTP").andReturn()));
    }
}
