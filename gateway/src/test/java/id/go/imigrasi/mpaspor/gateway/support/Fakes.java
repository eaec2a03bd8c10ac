package id.go.imigrasi.mpaspor.gateway.support;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** The test's side of {@link FakeUpstreams}: where each fake listens, and its control endpoints. */
public final class Fakes {

    private Fakes() {
    }

    public static String url(String service) {
        return ConfigProvider.getConfig().getValue("mpaspor.gateway.routes." + service, String.class);
    }

    public static void setLive(String service, boolean up) {
        given().queryParam("up", up).post(url(service) + "/_fake/health").then().statusCode(200);
    }

    public static long received(String service, String uploadId) {
        return given().queryParam("id", uploadId).get(url(service) + "/_fake/received")
                .then().statusCode(200).extract().jsonPath().getLong("bytes");
    }

    public static void release(String service, String id) {
        given().queryParam("id", id).post(url(service) + "/_fake/release").then().statusCode(200);
    }
}
