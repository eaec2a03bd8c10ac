package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.web.FakeDocuments.TusRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The documents page's plain upload form, as a browser without JavaScript sends it ({@code multipart/form-data}),
 * against a stand-in API ({@link FakeDocuments}): the file reaches the API as tus-js-client would send it (creation
 * with its metadata, then the bytes) with the session's token; a wrong type or a file too large is refused beside its
 * field with nothing sent; no CSRF token, nothing sent; a busy API gives the busy page; the API's problem goes beside
 * the field.
 */
@QuarkusTest
@WithTestResource(FakeApi.class)
class DocumentUploadTest {

    private static final String PAGE = "/applications/" + FakeDocuments.DRAFT + "/documents";
    private static final String AGUS = FakeDocuments.AGUS;

    private String cookie;
    private String csrf;

    @BeforeEach
    void logIn() {
        FakeDocuments.reset();
        cookie = AgusLogsIn.session();
        csrf = AgusLogsIn.find(AgusLogsIn.CSRF, given().cookie("mpaspor_session", cookie).get(PAGE).asString());
    }

    @Test
    void aFileSentWithoutJavascriptReachesTheApiAsATusCreationAndItsBytesWithTheSessionsToken() {
        String page = given().cookie("mpaspor_session", cookie).get(PAGE).then().statusCode(200).extract().asString();
        assertThat(page).as("one plain form per document, shown without JavaScript").contains(
                "<form class=\"upload card\" id=\"upload-" + AGUS + "-PROOF_OF_BIRTH_DATA\" method=\"post\""
                        + " enctype=\"multipart/form-data\"\n action=\"" + PAGE + "/" + AGUS + "/PROOF_OF_BIRTH_DATA\"",
                "<input type=\"file\" name=\"file\" id=\"file-" + AGUS + "-PROOF_OF_BIRTH_DATA\"",
                "<select name=\"documentType\" id=\"type-" + AGUS + "-PROOF_OF_BIRTH_DATA\">",
                "<input type=\"hidden\" name=\"documentType\" value=\"EKTP\">",
                "Tanpa JavaScript, file dikirim utuh").doesNotContain("class=\"upload card\" hidden");

        byte[] scan = png(40_000);
        send("PROOF_OF_BIRTH_DATA", csrf, "DIPLOMA", "ijazah agus.png", scan).then().statusCode(303).header("Location", matchesPattern(
                java.util.regex.Pattern.quote(PAGE + "?sent=file-" + AGUS + "-PROOF_OF_BIRTH_DATA&at=") + "[0-9]+"
                        + java.util.regex.Pattern.quote("#state-" + AGUS + "-PROOF_OF_BIRTH_DATA")));

        List<TusRequest> sent = FakeDocuments.TUS;
        assertThat(sent).extracting(TusRequest::method).containsExactly("POST", "PATCH");
        TusRequest creation = sent.get(0);
        assertThat(creation.path()).isEqualTo("/api/v1/uploads");
        assertThat(creation.header("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(creation.header("Upload-Length")).isEqualTo(String.valueOf(scan.length));
        assertThat(creation.header("Authorization")).isEqualTo("Bearer access-1");
        assertThat(creation.body()).isEmpty();
        assertThat(FakeDocuments.metadata(creation.header("Upload-Metadata"))).isEqualTo(Map.of(
                "applicationId", FakeDocuments.DRAFT, "applicantId", AGUS, "documentType", "DIPLOMA",
                "filename", "ijazah agus.png", "filetype", "image/png"));
        TusRequest bytes = sent.get(1);
        assertThat(bytes.path()).isEqualTo("/api/v1/uploads/doc-1");
        assertThat(bytes.header("Upload-Offset")).isEqualTo("0");
        assertThat(bytes.header("Content-Type")).isEqualTo("application/offset+octet-stream");
        assertThat(bytes.header("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(bytes.header("Authorization")).isEqualTo("Bearer access-1");
        assertThat(bytes.body()).isEqualTo(scan);

        String after = given().cookie("mpaspor_session", cookie).get(PAGE).then().statusCode(200).extract().asString();
        assertThat(after).as("the state comes from the API: being validated, and no form for it any more")
                .contains("id=\"state-" + AGUS + "-PROOF_OF_BIRTH_DATA\" data-state=\"UPLOADED\"")
                .doesNotContain("id=\"upload-" + AGUS + "-PROOF_OF_BIRTH_DATA\"");
        given().cookie("mpaspor_session", cookie).redirects().follow(false).get(PAGE + "/" + AGUS + "/EKTP").then()
                .statusCode(303).header("Location", PAGE);
    }

    @Test
    void aDocumentSentButNotYetRecordedIsSaidSoAndThePageLooksAgainByItselfForAMinute() {
        long now = java.time.Instant.now().getEpochSecond();
        String sent = "file-" + AGUS + "-EKTP";
        String waiting = given().cookie("mpaspor_session", cookie).queryParam("sent", sent).queryParam("at", now)
                .get(PAGE).then().statusCode(200).extract().asString();
        assertThat(waiting).contains("id=\"receiving\"", "Dokumen terkirim dan sedang dicatat.",
                "<noscript><meta http-equiv=\"refresh\" content=\"3;url=" + PAGE + "?sent=" + sent + "&amp;at=" + now
                        + "&amp;n=1#state-" + AGUS + "-EKTP\"></noscript>")
                .as("no second form for the document on its way").doesNotContain("id=\"upload-" + AGUS + "-EKTP\"")
                .contains("id=\"upload-" + AGUS + "-PROOF_OF_BIRTH_DATA\"");
        // each look goes to a new address (a refresh to the same address and fragment reloads nothing in Chromium)
        assertThat(given().cookie("mpaspor_session", cookie).queryParam("sent", sent).queryParam("at", now)
                .queryParam("n", "1").get(PAGE).asString()).contains("&amp;n=2#state-" + AGUS + "-EKTP");
        String late = given().cookie("mpaspor_session", cookie).queryParam("sent", sent).queryParam("at", now - 120)
                .get(PAGE).then().statusCode(200).extract().asString();
        assertThat(late).contains("Belum tercatat juga").doesNotContain("http-equiv=\"refresh\"");
        String unknown = given().cookie("mpaspor_session", cookie).queryParam("sent", "file-nobody-EKTP")
                .get(PAGE).then().statusCode(200).extract().asString();
        assertThat(unknown).doesNotContain("id=\"receiving\"").contains("id=\"upload-" + AGUS + "-EKTP\"");
    }

    @Test
    void theBytesGoOnFromTheApisOffsetWhenTheirConnectionIsLost() {
        FakeDocuments.dropNextPatch = true;
        byte[] scan = png(30_000);
        send("EKTP", csrf, "EKTP", "ktp.png", scan).then().statusCode(303);
        List<TusRequest> sent = FakeDocuments.TUS;
        assertThat(sent).extracting(r -> r.method() + " " + r.header("Upload-Offset"))
                .containsExactly("POST null", "PATCH 0", "HEAD null", "PATCH " + scan.length / 2);
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        stored.write(scan, 0, scan.length / 2);
        stored.writeBytes(sent.get(3).body());
        assertThat(stored.toByteArray()).isEqualTo(scan);
    }

    @Test
    void aTextFileNamedJpgIsRefusedBesideItsFieldWithNothingSentToTheApi() {
        byte[] notes = "catatan belanja: beras 5 kg, minyak goreng 2 liter\n".repeat(40).getBytes(StandardCharsets.UTF_8);
        String page = send("EKTP", csrf, "EKTP", "ktp.jpg", notes).then().statusCode(200).extract().asString();
        String field = "file-" + AGUS + "-EKTP";
        assertThat(page).contains("class=\"error-summary\"",
                "<a href=\"#" + field + "\">File ini bukan JPG, PNG atau PDF. Pilih file lain.</a>",
                "<p class=\"error-message\" id=\"" + field + "-error\">File ini bukan JPG, PNG atau PDF. Pilih file lain.</p>",
                "id=\"" + field + "\" accept=", "aria-describedby=\"" + field + "-hint " + field + "-error\" class=\"invalid\"");
        assertThat(FakeDocuments.TUS).isEmpty();
    }

    @Test
    void aFileLargerThanTheApiTakesIsRefusedBesideItsFieldWithNothingSentToTheApi() {
        byte[] large = png((int) FakeDocuments.MAX_BYTES + 1);
        String page = send("EKTP", csrf, "EKTP", "ktp.png", large).then().statusCode(200).extract().asString();
        assertThat(page).contains("<p class=\"error-message\" id=\"file-" + AGUS + "-EKTP-error\">File terlalu besar. "
                + "Paling besar 1 MB.</p>", "<a href=\"#file-" + AGUS + "-EKTP\">File terlalu besar.");
        assertThat(FakeDocuments.TUS).isEmpty();
    }

    @Test
    void aFileTooLargeForTheFormsBodyLimitIsReadAndThrownAwayThenSaidBesideItsField() {
        // 5 MB: past mpaspor.web.upload-form-limit (3M) and Quarkus' own max-body-size (4M), which would answer a
        // bare 413 and close the connection under the browser
        byte[] huge = png(5 * 1024 * 1024);
        for (boolean expectContinue : new boolean[] { false, true }) {
            Response answer = form(csrf, "KK", "kk.png", huge)
                    .config(browserLike().httpClient(HttpClientConfig.httpClientConfig()
                            .setParam("http.protocol.expect-continue", expectContinue)))
                    .post(PAGE + "/" + AGUS + "/KK");
            answer.then().statusCode(303).header("Location", PAGE + "?too-large=file-" + AGUS + "-KK");
            String page = given().cookie("mpaspor_session", cookie).get(answer.header("Location")).then().statusCode(200)
                    .extract().asString();
            assertThat(page).as("Expect: 100-continue " + expectContinue).contains(
                    "<a href=\"#file-" + AGUS + "-KK\">File terlalu besar. Paling besar 1 MB.</a>",
                    "<p class=\"error-message\" id=\"file-" + AGUS + "-KK-error\">File terlalu besar. Paling besar 1 MB.</p>");
        }
        assertThat(FakeDocuments.TUS).isEmpty();
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndNothingReachesTheApi() {
        FakeApi.SEEN.clear();
        send("EKTP", null, "EKTP", "ktp.png", png(2000)).then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("Formulir sudah kedaluwarsa"));
        send("EKTP", "forged", "EKTP", "ktp.png", png(2000)).then().statusCode(403);
        assertThat(FakeApi.SEEN).isEmpty();
        assertThat(FakeDocuments.TUS).isEmpty();
    }

    @Test
    void aBusyApiGivesTheBusyPageWhichSaysToChooseTheFileAgainAfterRetryAfter() {
        FakeDocuments.CREATE_ANSWERS.add(503);
        Response busy = send("EKTP", csrf, "EKTP", "ktp.png", png(2000));
        busy.then().statusCode(503).header("Retry-After", "9").contentType(containsString("text/html"));
        assertThat(busy.asString()).contains("Server sedang sibuk", "<meta http-equiv=\"refresh\" content=\"9;url=" + PAGE
                + "\">", "Kirim file itu lagi setelah <span data-countdown=\"9\">9</span> detik.",
                "halaman tidak dapat menyimpannya").doesNotContain("Exception", "Kami coba lagi otomatis");
        assertThat(FakeDocuments.TUS).extracting(TusRequest::method).as("no bytes after a refused creation")
                .containsExactly("POST");
    }

    @Test
    void anApplicantTheUploadServiceHasNotHeardOfYetGivesTheSendAgainPageNotAnError() {
        FakeDocuments.CREATE_ANSWERS.add(409);
        Response notYet = send("EKTP", csrf, "EKTP", "ktp.png", png(2000));
        notYet.then().statusCode(503).header("Retry-After", "2").contentType(containsString("text/html"));
        assertThat(notYet.asString()).contains("<meta http-equiv=\"refresh\" content=\"2;url=" + PAGE + "\">",
                "Kirim file itu lagi setelah <span data-countdown=\"2\">2</span> detik.")
                .doesNotContain("belum dikenali", "Exception");
        assertThat(FakeDocuments.TUS).extracting(TusRequest::method).containsExactly("POST");
    }

    @Test
    void theApisProblemIsShownBesideTheFileFieldAndInTheSummary() {
        FakeDocuments.CREATE_ANSWERS.add(400);
        String page = send("EKTP", csrf, "EKTP", "ktp.png", png(2000)).then().statusCode(200).extract().asString();
        String field = "file-" + AGUS + "-EKTP";
        assertThat(page).contains("<a href=\"#" + field + "\">Nama file terlalu panjang (paling banyak 255 karakter)</a>",
                "<p class=\"error-message\" id=\"" + field + "-error\">Nama file terlalu panjang (paling banyak 255 "
                        + "karakter)</p>");
        assertThat(FakeDocuments.TUS).extracting(TusRequest::method).containsExactly("POST");
    }

    /** The form of {@code line} sent as a browser sends it: multipart, with its Content-Length (never chunked). */
    private Response send(String line, String csrfToken, String documentType, String fileName, byte[] file) {
        return form(csrfToken, documentType, fileName, file).post(PAGE + "/" + AGUS + "/" + line);
    }

    private RequestSpecification form(String csrfToken, String documentType, String fileName, byte[] file) {
        String boundary = "----MpasporFormBoundary" + Long.toHexString(new Random().nextLong());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (csrfToken != null) {
            field(body, boundary, "name=\"csrf\"", null, csrfToken.getBytes(StandardCharsets.UTF_8));
        }
        field(body, boundary, "name=\"documentType\"", null, documentType.getBytes(StandardCharsets.UTF_8));
        field(body, boundary, "name=\"file\"; filename=\"" + fileName + "\"",
                fileName.endsWith(".png") ? "image/png" : "image/jpeg", file);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return given().cookie("mpaspor_session", cookie).redirects().follow(false)
                .config(browserLike()).contentType("multipart/form-data; boundary=" + boundary).body(body.toByteArray());
    }

    /** The multipart Content-Type as written (boundary only, no charset added). */
    private static RestAssuredConfig browserLike() {
        return RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false));
    }

    private static void field(ByteArrayOutputStream body, String boundary, String disposition, String type,
            byte[] value) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n"
                + (type == null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(value);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code size} bytes that start as a PNG does (the website judges the type by the first bytes only). */
    static byte[] png(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        byte[] magic = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        return bytes;
    }
}
