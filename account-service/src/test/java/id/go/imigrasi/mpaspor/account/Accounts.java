package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The account API as a client uses it. */
final class Accounts {

    static final String PASSWORD = "Paspor-Keluarga-2026";
    /** The privacy notice version in force in the tests (mpaspor.account.privacy-notice.version). */
    static final String NOTICE = "2026-12-01";

    private Accounts() {
    }

    static String newEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@contoh.co.id";
    }

    static Response register(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "Siti Aminah", "email", email, "phone", "0812-3456-7890", "password", password,
                        "privacyNoticeVersion", NOTICE))
                .when().post("/accounts");
    }

    static Response verify(String email, String otp) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "otp", otp))
                .when().post("/accounts/verification");
    }

    static Response requestOtp(String email, String purpose) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "purpose", purpose))
                .when().post("/accounts/otp");
    }

    static Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/auth/login");
    }

    static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/auth/refresh");
    }

    /** Registers, reads the code from the mailbox and verifies: an ACTIVE applicant. */
    static String activeApplicant(String email) {
        String id = register(email, PASSWORD).then().statusCode(201).extract().path("id");
        verify(email, MailServer.otp(email, 1)).then().statusCode(200);
        return id;
    }
}
