package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The web front end's origin (configured) may call the API from a browser, tus uploads included; others may not. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CorsTest {

    private static final String WEB = "https://web.mpaspor.test";

    @Test
    void preflightFromTheWebOriginAllowsAnUploadPatchWithTusHeaders() {
        given().header("Origin", WEB).header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,upload-offset,tus-resumable,content-type")
                .when().options("/api/v1/uploads/u1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", WEB)
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("Upload-Offset"));
    }

    @Test
    void actualResponseExposesTheHeadersTheFrontEndReads() {
        given().header("Origin", WEB).auth().oauth2(TestJwt.applicant("acc-cors"))
                .when().get("/api/v1/applications/a1")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", WEB)
                .header("Access-Control-Expose-Headers", containsString("Location"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
    }

    @Test
    void preflightFromAnotherOriginGetsNoPermission() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/api/v1/applications")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void browserRequestWithoutTokenStillGets401WithCorsHeadersSoTheAppCanReadIt() {
        given().header("Origin", WEB).when().get("/api/v1/applications/a1")
                .then().statusCode(401).header("Access-Control-Allow-Origin", equalTo(WEB));
    }
}
