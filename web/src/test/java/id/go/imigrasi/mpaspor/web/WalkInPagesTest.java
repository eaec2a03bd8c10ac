package id.go.imigrasi.mpaspor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.web.KantorPagesTest.Desk;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Walk-in registration at the desk (issue 19): the officer registers a person without a smartphone, then acts as that
 * person on the applicant pages with the desk session's tokens (every page says whom they are helping), and "Done
 * helping" ends the desk session at the API and brings the officer's own session back.
 */
@QuarkusTest
@WithTestResource(FakeDeskApi.class)
class WalkInPagesTest {

    @BeforeEach
    void fresh() {
        FakeDeskApi.reset();
    }

    @Test
    void anOfficerRegistersAWalkInActsForThemAndComesBackToTheDesk() {
        Desk desk = Desk.login("officer@jkt");
        String form = desk.get("/kantor/walk-in").then().statusCode(200).extract().asString();
        assertThat(form).contains("action=\"/kantor/walk-in\"", "name=\"privacyNoticeVersion\" value=\"2026-12-01\"",
                "id=\"name\"", "id=\"email\"", "id=\"phone\"", "aria-current=\"page\"");

        // the notice not ticked: said beside it, nobody registered, still the officer
        Response refused = desk.post("/kantor/walk-in", Map.of("name", "Siti Aminah", "email", "siti@contoh.id",
                "phone", "081234567001"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.asString()).contains("id=\"privacyNoticeVersion-error\"", "value=\"Siti Aminah\"")
                .doesNotContain("id=\"desk-assisting\"");

        Response registered = desk.post("/kantor/walk-in", Map.of("name", "Siti Aminah", "email", "siti@contoh.id",
                "phone", "081234567001", "language", "id", "privacyNoticeVersion", "2026-12-01"));
        assertThat(registered.statusCode()).isEqualTo(303);
        assertThat(registered.header("Location")).endsWith("/applications");
        assertThat(FakeDeskApi.SEEN).anySatisfy(r -> assertThat(r).startsWith("POST /office/assisted-accounts")
                .contains("\"name\":\"Siti Aminah\"", "\"privacyNoticeVersion\":\"2026-12-01\""));

        // now the person: the applicant pages, with the banner saying whom the officer helps
        String privacy = desk.get("/privasi").then().statusCode(200).extract().asString();
        assertThat(privacy).contains("id=\"desk-assisting\"", "Siti Aminah", "action=\"/kantor/walk-in/end\"");
        // the desk pages are the officer's, not the person's
        assertThat(desk.get("/kantor").statusCode()).isIn(302, 303, 403);

        Response end = desk.post("/kantor/walk-in/end", Map.of());
        assertThat(end.statusCode()).isEqualTo(303);
        assertThat(end.header("Location")).endsWith("/kantor");
        assertThat(FakeDeskApi.SEEN).anySatisfy(r -> assertThat(r).startsWith("POST /auth/logout")
                .contains("r-desk"));
        String day = desk.get("/kantor").then().statusCode(200).extract().asString();
        assertThat(day).contains("Dewi Lestari").doesNotContain("id=\"desk-assisting\"");
    }

    @Test
    void onlyOfficersRegisterWalkIns() {
        Desk applicant = Desk.login("siti@x");
        assertThat(applicant.get("/kantor/walk-in").statusCode()).isNotEqualTo(200);
        Response post = applicant.post("/kantor/walk-in", Map.of("name", "Calo", "email", "calo@contoh.id",
                "phone", "081234567002", "privacyNoticeVersion", "2026-12-01"));
        assertThat(post.statusCode()).isNotEqualTo(303);
        assertThat(FakeDeskApi.SEEN).noneSatisfy(r -> assertThat(r).startsWith("POST /office/assisted-accounts"));
        // ending a desk session that does not exist changes nothing
        assertThat(applicant.post("/kantor/walk-in/end", Map.of()).statusCode()).isEqualTo(303);
        assertThat(FakeDeskApi.SEEN).noneSatisfy(r -> assertThat(r).startsWith("POST /auth/logout"));
    }
}
