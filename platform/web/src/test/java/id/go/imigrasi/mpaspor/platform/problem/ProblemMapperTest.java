package id.go.imigrasi.mpaspor.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad input and failures answer RFC 9457 problem+json, localized, with the offending fields. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
class ProblemMapperTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID = "{\"applicants\":[{\"fullName\":\"Siti Aminah\",\"nik\":\"3171014108900001\","
            + "\"validityYears\":10},{\"fullName\":\" \",\"nik\":\"31710141\",\"validityYears\":3}]}";

    @Test
    void validationProblemListsEveryOffendingFieldInIndonesianByDefault() {
        given().contentType(ContentType.JSON).body(INVALID)
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .header("Content-Language", "id")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/validation"))
                .body("title", equalTo("Data tidak valid"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/test/applications"))
                .body("errors.field", hasItems("applicants[1].fullName", "applicants[1].nik", "applicants[1].validityYears"))
                .body("errors.find { it.field == 'applicants[1].fullName' }.message", equalTo("wajib diisi"))
                .body("errors.find { it.field == 'applicants[1].fullName' }.code", equalTo("validation.NotBlank"))
                .body("errors.find { it.field == 'applicants[1].validityYears' }.message", equalTo("minimal 5"))
                .body("errors.find { it.field == 'applicants[1].nik' }.message", equalTo("format tidak sesuai"));
    }

    @Test
    void behindTheGatewayTheProblemsInstanceIsThePublicPath() {
        // issue 21: integrators saw the service's internal path (/applications/...) as the instance
        given().contentType(ContentType.JSON).body(INVALID).header("X-Forwarded-Prefix", "/api/v1")
                .when().post("/test/applications")
                .then().statusCode(400).body("instance", equalTo("/api/v1/test/applications"));
        // a prefix that is not a plain path is ignored, not echoed
        given().contentType(ContentType.JSON).body(INVALID).header("X-Forwarded-Prefix", "//evil.example/<x>")
                .when().post("/test/applications")
                .then().statusCode(400).body("instance", equalTo("/test/applications"));
    }

    @Test
    void validationProblemIsInEnglishWhenTheClientAsks() {
        given().contentType(ContentType.JSON).body(INVALID).header("Accept-Language", "en-US,en;q=0.9,id;q=0.5")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM).header("Content-Language", "en")
                .body("title", equalTo("Invalid data"))
                .body("errors.find { it.field == 'applicants[1].fullName' }.message", equalTo("is required"))
                .body("errors.find { it.field == 'applicants[1].validityYears' }.message", equalTo("must be at least 5"));
    }

    @Test
    void aServicesOwnCheckGetsTheSameStableCodeAsAConstraint() {
        // issue 21: account-service answered the code jakarta.validation.constraints.NotBlank.message
        given().header("Accept-Language", "en").when().get("/test/blank-name")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("validation.NotBlank"))
                .body("errors[0].message", not(containsString("jakarta")));
        assertThat(ProblemMapper.stableCode("jakarta.validation.constraints.Email.message")).isEqualTo("validation.Email");
        assertThat(ProblemMapper.stableCode("nik.birth-date-mismatch")).isEqualTo("nik.birth-date-mismatch");
    }

    @Test
    void anInvalidEnumValueNamesTheAllowedOnes() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"applicants\":[{\"fullName\":\"A\",\"nik\":\"3171014108900001\",\"validityYears\":10,"
                        + "\"passportKind\":\"GOLD\"}]}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("applicants[0].passportKind"))
                .body("errors[0].code", equalTo("validation.not-one-of"))
                .body("errors[0].message", equalTo("must be one of: ORDINARY, ELECTRONIC"));
    }

    @Test
    void malformedJsonIsAProblemNotA500() {
        given().contentType(ContentType.JSON).body("{\"applicants\": [")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/malformed-request"));
    }

    @Test
    void valueOfTheWrongTypeNamesItsField() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"applicants\":[{\"fullName\":\"A\",\"nik\":\"3171014108900001\",\"validityYears\":\"ten\"}]}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("applicants[0].validityYears"))
                .body("errors[0].code", equalTo("validation.wrong-type"))
                .body("errors[0].message", equalTo("wrong type or format of value"));
    }

    @Test
    void invalidQueryParameterIsNamed() {
        given().queryParam("size", 0).when().get("/test/page")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
    }

    @Test
    void serviceProblemIsRenderedFromTheServicesOwnMessages() {
        given().when().get("/test/quota-full")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/quota-full"))
                .body("title", equalTo("Kuota penuh"))
                .body("detail", equalTo("Kuota REGULAR pada tanggal 2026-12-01 sudah habis. Silakan pilih tanggal lain."));
        given().header("Accept-Language", "en").when().get("/test/quota-full")
                .then().statusCode(409).body("title", equalTo("Quota full"))
                .body("detail", containsString("The REGULAR quota on 2026-12-01 is used up"));
    }

    @Test
    void fieldErrorFromAUseCaseIsLocalized() {
        given().when().get("/test/nik")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("applicants[0].birthDate"))
                .body("errors[0].code", equalTo("nik.birth-date-mismatch"))
                .body("errors[0].message", equalTo("tanggal lahir tidak sesuai dengan NIK"));
    }

    @Test
    void everyOverloadAnswerCarriesRetryAfter() {
        given().when().get("/test/busy")
                .then().statusCode(503).contentType(PROBLEM).header("Retry-After", "7")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/service-unavailable"));
        given().when().get("/test/too-many")
                .then().statusCode(429).contentType(PROBLEM).header("Retry-After", "2");
    }

    @Test
    void unexpectedFailureIsA500ThatRevealsNothingInternal() {
        given().when().get("/test/boom")
                .then().statusCode(500).contentType(PROBLEM)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/internal-error"))
                .body("detail", not(containsString("secret")))
                .body("requestId", not(nullValue()));
    }

    @Test
    void aConcurrentChangeIsA409ToSendAgainNotA500() {
        given().header("Accept-Language", "en").when().get("/test/deadlock")
                .then().statusCode(409).contentType(PROBLEM)
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/concurrent-change"))
                .body("title", equalTo("Changed at the same moment"))
                .body("detail", not(containsString("deadlock")));
    }

    @Test
    void aUniqueKeyTakenAtTheSameMomentIsA409ToSendAgainNotA500() {
        // the loser of a check-then-insert race: its transaction rolled back, and sent again it finds the winner's row
        given().header("Accept-Language", "en").when().get("/test/same-key")
                .then().statusCode(409).contentType(PROBLEM)
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/concurrent-change"))
                .body("detail", not(containsString("account_email_key")));
    }

    @Test
    void wrongMediaTypeAndMethodAreProblems() {
        given().contentType(ContentType.TEXT).body("hello").when().post("/test/applications")
                .then().statusCode(415).contentType(PROBLEM);
        given().when().delete("/test/quota-full")
                .then().statusCode(405).contentType(PROBLEM);
    }

    private static final String VALID = "{\"applicants\":[{\"fullName\":\"Siti Aminah\",\"nik\":\"3171014108900001\","
            + "\"validityYears\":10}]}";

    @Test
    void duplicateKeyIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"applicants\":[{\"fullName\":\"A\",\"fullName\":\"B\",\"nik\":\"3171014108900001\","
                        + "\"validityYears\":10}]}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("applicants[0].fullName"))
                .body("errors[0].code", equalTo("validation.duplicate-field"));
        given().contentType(ContentType.JSON).body("{\"applicants\":[],\"applicants\":[]}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void trailingGarbageAfterTheJsonIsRefused() {
        given().contentType(ContentType.JSON).body(VALID + "garbage")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/malformed-request"));
        given().contentType(ContentType.JSON).body(VALID + "{}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void numbersAndBooleansAreNotCoercedToText() {
        given().contentType(ContentType.JSON)
                .body("{\"applicants\":[{\"fullName\":12345,\"nik\":\"3171014108900001\",\"validityYears\":10}]}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("applicants[0].fullName"))
                .body("errors[0].code", equalTo("validation.wrong-type"));
        given().contentType(ContentType.JSON)
                .body("{\"applicants\":[{\"fullName\":true,\"nik\":\"3171014108900001\",\"validityYears\":10}]}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("applicants[0].fullName"));
        given().contentType(ContentType.JSON)
                .body("{\"applicants\":[{\"fullName\":\"A\",\"nik\":\"3171014108900001\",\"validityYears\":\"10\"}]}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("applicants[0].validityYears"));
    }

    @Test
    void aJsonEndpointWithoutContentTypeAnswers415() {
        given().body(VALID.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/test/applications")
                .then().statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/unsupported-media-type"));
    }

    @Test
    void emptyBodyIsAProblem() {
        given().contentType(ContentType.JSON).body("").when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void hugeAndDeeplyNestedBodiesAreProblems() {
        given().contentType(ContentType.JSON)
                .body("{\"applicants\":[{\"fullName\":\"A\",\"nik\":\"3171014108900001\",\"validityYears\":"
                        + "9".repeat(400) + "}]}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{\"applicants\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void nulInTextIsRefusedBeforeItReachesAnything() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"applicants\":[{\"fullName\":\"Siti\\u0000\",\"nik\":\"3171014108900001\",\"validityYears\":10}]}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("applicants[0].fullName"))
                .body("errors[0].code", equalTo("validation.control-character"));
    }

    @Test
    void nulInAPathOrQueryIsRefused() {
        given().urlEncodingEnabled(false).when().get("/test/echo/abc%00def")
                .then().statusCode(400).contentType(PROBLEM);
        given().urlEncodingEnabled(false).when().get("/test/page?size=1&q=a%00b")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void httpLayerRefusalsAreProblemsToo() {
        given().header("Accept-Language", "en").when().get("/test/echo/" + "a".repeat(6000))
                .then().statusCode(414).contentType(PROBLEM)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/uri-too-long"))
                .body("title", equalTo("Request URI too long"));
        given().header("X-Big", "b".repeat(30_000)).when().get("/test/echo/x")
                .then().statusCode(431).contentType(PROBLEM)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/request-header-fields-too-large"));
        // a body larger than allowed is refused from its Content-Length, before it is read
        String answer = rawExchange("POST /test/applications HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 50000000\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("Content-Type: application/problem+json")
                .contains("https://mpaspor.imigrasi.go.id/problems/payload-too-large");
    }

    /** One request on a raw socket, so the test can send headers without the body they announce. */
    private static String rawExchange(String head) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = socket.getInputStream().read(buffer)) > 0) {
                out.write(buffer, 0, n);
                String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
                if (text.contains("\r\n\r\n") && text.trim().endsWith("}")) {
                    break;
                }
            }
            return out.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void textLongerThanTheParsersBoundIsAProblem() {
        given().contentType(ContentType.JSON)
                .body("{\"applicants\":[{\"fullName\":\"" + "x".repeat(200_000) + "\",\"nik\":\"3171014108900001\","
                        + "\"validityYears\":10}]}")
                .when().post("/test/applications")
                .then().statusCode(400).contentType(PROBLEM);
    }
}
