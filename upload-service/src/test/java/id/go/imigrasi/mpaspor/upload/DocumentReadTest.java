package id.go.imigrasi.mpaspor.upload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.contracts.upload.DocumentReadGrant;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.upload.support.UploadFixtures;
import id.go.imigrasi.mpaspor.upload.support.UploadFixtures.Draft;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * {@code GET /documents/{uploadId}}: an accepted document's bytes for application-service's grant of that upload
 * (it decided who may read and recorded the read), and for nobody else: no grant, another key's, another upload's, an
 * expired one, a document not accepted: all 404 problem+json, indistinguishable from an upload that does not exist.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "upload"))
class DocumentReadTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    private static final DocumentReadGrant GRANTS = DocumentReadGrant.withKey(UploadServiceContractTest.GRANT_KEY);

    private static Response read(String uploadId, String grant) {
        var request = given().header("Accept-Language", "en");
        if (grant != null) {
            request = request.header(DocumentReadGrant.HEADER, grant);
        }
        return request.when().get("/documents/{id}", uploadId);
    }

    private static String grant(String uploadId, int seconds) {
        return GRANTS.issue(UUID.fromString(uploadId), Instant.now().plusSeconds(seconds));
    }

    @Test
    void aGrantOpensItsAcceptedDocumentAndNothingElseDoes() {
        Draft draft = Draft.announced();
        String accepted = draft.accepted();
        String other = draft.accepted();

        Response ok = read(accepted, grant(accepted, 30));
        ok.then().statusCode(200).contentType("image/png").header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff").header("X-Mpaspor-File-Name", "ektp.png");
        byte[] bytes = ok.asByteArray();
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        assertThat(bytes).isNotEqualTo(read(other, grant(other, 30)).asByteArray());

        for (Response refused : new Response[] {read(accepted, null), read(accepted, grant(other, 30)),
                read(accepted, grant(accepted, -1)),
                read(accepted, DocumentReadGrant.withKey("another-key-0123456789abcdef-0123456789")
                        .issue(UUID.fromString(accepted), Instant.now().plusSeconds(30))),
                read(accepted, grant(accepted, 30) + "x"), read(accepted, "garbage")}) {
            refused.then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "upload-document-not-granted"));
        }
        // a partial upload is no document yet, even with a grant
        String partial = draft.create(5000, "KK").header("Location");
        String partialId = partial.substring(partial.lastIndexOf('/') + 1);
        read(partialId, grant(partialId, 30)).then().statusCode(404);
        String nothing = UUID.randomUUID().toString();
        read(nothing, grant(nothing, 30)).then().statusCode(404);
        read("not-an-id", null).then().statusCode(404);
        assertThat(UploadFixtures.count("SELECT count(*) FROM upload WHERE id = ?::uuid", accepted)).isOne();
    }
}
