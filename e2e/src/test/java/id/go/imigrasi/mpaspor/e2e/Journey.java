package id.go.imigrasi.mpaspor.e2e;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What a front end does, as small verbs over the gateway's public API ({@code /api/v1}); every step prints
 * what it does so a failing CI log reads like the journey.
 */
final class Journey {

    private final String base;

    Journey(String gateway) {
        this.base = gateway + "/api/v1";
    }

    static void say(String line) {
        System.out.println(Instant.now() + " " + line);
        System.out.flush();
    }

    static void step(String title) {
        say("");
        say("=== " + title);
    }

    RequestSpecification anonymous() {
        return given().baseUri(base).accept(ContentType.JSON).header("Accept-Language", "en");
    }

    RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    RequestSpecification json(RequestSpecification spec, Object body) {
        return spec.contentType(ContentType.JSON).body(body);
    }

    /** Registers, reads the OTP from the mailbox, verifies, logs in; returns the access token. */
    String registerVerifyAndLogin(Mailbox mailbox, String name, String email, String phone, String password) {
        json(anonymous(), Map.of("name", name, "email", email, "phone", phone, "password", password))
                .post("/accounts").then().statusCode(201);
        String otp = mailbox.otp(email, "verifikasi", 1);
        say("  OTP for " + email + " read from the mailbox: " + otp);
        json(anonymous(), Map.of("email", email, "otp", otp)).post("/accounts/verification").then().statusCode(200);
        return login(email, password);
    }

    String login(String email, String password) {
        Response login = json(anonymous(), Map.of("email", email, "password", password)).post("/auth/login");
        login.then().statusCode(200);
        return login.jsonPath().getString("accessToken");
    }
}
