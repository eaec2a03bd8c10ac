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
 * The admin console against the stand-in API: officers created (the API's field errors beside the fields, the
 * password never written back), disabled and moved; rules per session and service for the days ticked; a release
 * whose time is typed in the office's zone; the audit of the three services on one page (officer changes, office
 * settings, the desk's actions), in both languages; officers get nothing.
 */
@QuarkusTest
@WithTestResource(FakeDeskApi.class)
class AdminPagesTest {

    @BeforeEach
    void fresh() {
        FakeDeskApi.reset();
    }

    @Test
    void anAdminCreatesDisablesAndMovesAnOfficerWithOnePostEach() {
        Desk admin = Desk.login("admin@x");
        assertThat(admin.get("/admin").asString()).contains("Konsol admin", "href=\"/admin/offices/JKT\"",
                "Kantor Imigrasi Bandung");
        Response weak = admin.post("/admin/offices/JKT/officers", Map.of("officer-name", "Rina Petugas",
                "officer-email", "rina@imigrasi.go.id", "officer-password", "pendek"));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.asString()).contains("id=\"officer-password-error\"", "Kata sandi terlalu pendek",
                "value=\"Rina Petugas\"").doesNotContain("value=\"pendek\"");
        String created = admin.post("/admin/offices/JKT/officers", Map.of("officer-name", "Rina Petugas",
                "officer-email", "rina@imigrasi.go.id", "officer-password", "Loket-Biometrik-12")).then()
                .statusCode(200).extract().asString();
        assertThat(created).contains("Petugas dibuat.", "Rina Petugas", "Aktif");
        assertThat(FakeDeskApi.SEEN).anyMatch(s -> s.startsWith("POST /admin/officers ")
                && s.contains("\"officeCode\":\"JKT\""));
        String id = FakeDeskApi.OFFICERS.get(0).path("id").asText();
        assertThat(admin.post("/admin/offices/JKT/disable", Map.of("officer-id", id)).asString())
                .contains("Petugas dinonaktifkan", "Nonaktif");
        String moved = admin.post("/admin/offices/JKT/move", Map.of("officer-id", id, "move-to", "BDG")).asString();
        assertThat(moved).contains("Petugas dipindahkan").doesNotContain("Rina Petugas");
    }

    @Test
    void rulesGoToTheDaysTickedAndAReleaseTimeIsTheOfficesLocalTime() {
        Desk admin = Desk.login("admin@x");
        String saved = admin.post("/admin/offices/JKT/rules", Map.of("rules-weekday", "2", "rules-REGULAR-MORNING",
                "40", "rules-SAME_DAY-AFTERNOON", "10")).then().statusCode(200).extract().asString();
        assertThat(saved).contains("Aturan kuota disimpan", "<td>Senin</td><td>Reguler</td><td>Sesi pagi</td><td>40</td>",
                "2026-12-10 – 2026-12-12", "Menunggu waktu rilis", "Natal", "id=\"reopen-2026-12-25-ALL\"");
        assertThat(FakeDeskApi.SEEN).anyMatch(s -> s.startsWith("PUT /admin/offices/JKT/rules ")
                && s.contains("\"weekday\":2") && s.contains("\"capacity\":40")
                && s.contains("\"service\":\"SAME_DAY\"") && !s.contains("\"weekday\":1"));
        admin.post("/admin/offices/JKT/releases", Map.of("releases-from", "2026-12-10", "releases-to", "2026-12-12",
                "releases-at", "2026-12-07T08:00", "releases-zone", "WIB")).then().statusCode(200);
        assertThat(FakeDeskApi.SEEN).anyMatch(s -> s.startsWith("POST /admin/offices/JKT/releases ")
                && s.contains("\"releaseAt\":\"2026-12-07T01:00:00Z\""));
        Response noTime = admin.post("/admin/offices/JKT/releases", Map.of("releases-from", "2026-12-10",
                "releases-to", "2026-12-12"));
        assertThat(noTime.statusCode()).isEqualTo(400);
        assertThat(noTime.asString()).contains("id=\"releases-at-error\"");
    }

    @Test
    void theAuditShowsWhoChangedOfficersTheOfficesQuotaAndTheDesksActionsNewestFirst() {
        Desk admin = Desk.login("admin@x");
        String audit = admin.get("/admin/audit?office=JKT").then().statusCode(200).extract().asString();
        assertThat(audit).contains("Kuota dirilis", "Petugas dibuat", "ad-1");
        assertThat(audit.indexOf("Kuota dirilis")).isLessThan(audit.indexOf("Petugas dibuat"));
        // the desk's actions (biometric-service): who, what in words, the appointment and the detail
        assertThat(audit).contains("Pengecualian sidik jari dicatat", "Pemohon check-in", "<code>of-7</code>",
                "<code>0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f</code> RIGHT_INDEX INJURED");
        assertThat(FakeDeskApi.SEEN).anyMatch(s -> s.startsWith("GET /admin/offices/JKT/desk-audit"));
        // 04:00:00.25 > 03:00:00.5 (check-in) > 03:00:00 (release) > 02:00 (officer): by time, not by source
        assertThat(audit.indexOf("Pengecualian sidik jari")).isLessThan(audit.indexOf("Pemohon check-in"));
        assertThat(audit.indexOf("Pemohon check-in")).isLessThan(audit.indexOf("Kuota dirilis"));

        admin.get("/language?lang=en&back=/admin/audit");
        assertThat(admin.get("/admin/audit?office=JKT").asString()).contains("Fingerprint exception recorded",
                "Applicant checked in", "Quota released", "Officer created");
    }

    @Test
    void officersAndApplicantsGetNothingOfTheConsoleAndFormsNeedTheCsrfToken() {
        Desk officer = Desk.login("officer@jkt");
        assertThat(officer.get("/admin").statusCode()).isEqualTo(403);
        assertThat(officer.get("/admin/offices/JKT").asString()).doesNotContain("Konsol admin").contains("Hanya untuk");
        Desk admin = Desk.login("admin@x");
        FakeDeskApi.SEEN.clear();
        admin.csrf = "forged";
        assertThat(admin.post("/admin/offices/JKT/closures", Map.of("closures-date", "2026-12-25")).statusCode())
                .isEqualTo(403);
        assertThat(FakeDeskApi.SEEN).isEmpty();
    }
}
