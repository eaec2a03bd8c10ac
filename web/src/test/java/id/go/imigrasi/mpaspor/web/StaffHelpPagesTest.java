package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.web.KantorPagesTest.Desk;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The office's helpdesk queue ({@code /kantor/tickets}) and finance's refunds ({@code /admin/refunds}) against the
 * desk's stand-in API ({@link FakeStaffHelpdesk}): JKT's officer sees the open ticket, answers it on the ticket's
 * page (ANSWERED) and closes it; an answer on a closed ticket is the API's 409 in its words; BDG's officer sees
 * nothing of it. The admin filters the cases, approves one (then 409 in words), rejects without a reason (the
 * API's error beside that case's reason field), and reads the day's report (today in WIB by default). Staff only,
 * every post with the form's CSRF token.
 */
@QuarkusTest
@WithTestResource(FakeDeskApi.class)
class StaffHelpPagesTest {

    private static final String TICKET = "/applications/" + FakeStaffHelpdesk.APPLICATION + "/tickets/"
            + FakeStaffHelpdesk.TICKET;

    @Inject
    TestClock clock;

    @BeforeEach
    void fresh() {
        FakeDeskApi.reset();
        FakeStaffHelpdesk.reset();
    }

    @AfterEach
    void now() {
        clock.reset();
    }

    @Test
    void theOfficerAnswersAndClosesTheirOfficesTicket() {
        Desk jkt = Desk.login("officer@jkt");
        String queue = jkt.get("/kantor/tickets").then().statusCode(200).extract().asString();
        assertThat(queue).contains("<h1>Pertanyaan pemohon</h1>", "href=\"" + TICKET + "\"", "Bisa pindah jadwal?",
                "Jadwal kedatangan", "Menunggu jawaban kantor", "WIB", "id=\"nav-tickets\" aria-current=\"page\"");
        assertThat(jkt.get("/kantor/tickets?state=ANSWERED").asString()).contains("id=\"tickets-none\"");

        String page = jkt.get(TICKET).then().statusCode(200).extract().asString();
        assertThat(page).contains("Saya sakit, bisa pindah ke minggu depan?", "<h2 id=\"reply-title\">Jawab pemohon</h2>",
                "href=\"/kantor/tickets\"", "/assets/staff.", "id=\"close-ticket\"");
        jkt.post(TICKET + "/messages", Map.of("message", "Bisa, silakan jadwal ulang dari halaman permohonan."))
                .then().statusCode(303).header("Location", containsString(TICKET + "?sent=1"));
        assertThat(jkt.get(TICKET + "?sent=1").asString()).contains("id=\"done\">Pesan terkirim.",
                "<strong>Petugas kantor</strong>", "id=\"ticket-state\">Dijawab</span>");
        assertThat(jkt.get("/kantor/tickets?state=ANSWERED").asString()).contains("Bisa pindah jadwal?</a>");

        jkt.post(TICKET + "/closure", Map.of()).then().statusCode(303);
        String late = jkt.post(TICKET + "/messages", Map.of("message", "Tambahan")).then().statusCode(409)
                .extract().asString();
        assertThat(late).contains("Tiket yang sudah ditutup tidak dapat dijawab.", ">Tambahan</textarea>");
        assertThat(FakeStaffHelpdesk.BODIES).containsExactly(
                "POST /messages {\"message\":\"Bisa, silakan jadwal ulang dari halaman permohonan.\"}",
                "POST /closure {}", "POST /messages {\"message\":\"Tambahan\"}");
    }

    @Test
    void anotherOfficesOfficerSeesNothingAndOnlyStaffWithTheTokenGetIn() {
        Desk bdg = Desk.login("officer@bdg");
        assertThat(bdg.get("/kantor/tickets").asString()).contains("id=\"tickets-none\"").doesNotContain("Bisa pindah");
        bdg.get(TICKET).then().statusCode(404);

        Desk applicant = Desk.login("siti@x");
        applicant.get("/kantor/tickets").then().statusCode(403);
        applicant.get("/admin/refunds").then().statusCode(403);
        Desk officer = Desk.login("officer@jkt");
        officer.get("/admin/refunds").then().statusCode(403);
        given().redirects().follow(false).get("/kantor/tickets").then().statusCode(303)
                .header("Location", containsString("/login"));

        Desk admin = Desk.login("admin@x");
        for (String path : new String[] { "/admin/refunds/" + FakeStaffHelpdesk.CASE + "/approve",
                "/admin/refunds/" + FakeStaffHelpdesk.CASE + "/reject", TICKET + "/messages", TICKET + "/closure" }) {
            given().cookie("mpaspor_session", admin.cookie).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded").formParam("csrf", "not-the-token")
                    .formParam("reason", "x").formParam("message", "x").post(path).then().statusCode(403);
        }
        assertThat(FakeStaffHelpdesk.BODIES).as("nothing reached the API").isEmpty();
    }

    @Test
    void financeApprovesRejectsAndReadsTheDaysReport() {
        // 23:30 UTC on 4 December is already 5 December in WIB: the report's day by default
        clock.set(Instant.parse("2026-12-04T23:30:00Z"));
        Desk admin = Desk.login("admin@x");
        String page = admin.get("/admin/refunds").then().statusCode(200).extract().asString();
        assertThat(page).contains("<h1>Pengembalian dana</h1>", "id=\"nav-refunds\" aria-current=\"page\"",
                "<code>820261204000001</code>", "Rp1.900.000", "Tagihan sudah dibayar sebelumnya",
                "Diajukan, menunggu keputusan", "id=\"approve-" + FakeStaffHelpdesk.CASE + "\"",
                "<label for=\"reason-" + FakeStaffHelpdesk.CASE + "\">", "RF-ATM-20261201-000002",
                "id=\"report\" name=\"report\" type=\"date\" value=\"2026-12-05\"",
                "<tr id=\"report-requested\"><th scope=\"row\">Diajukan</th><td>3</td><td class=\"num\">Rp3.150.000</td></tr>",
                "Jumlah belum dikembalikan: <strong>Rp1.900.000</strong>");
        // one approve button only: the paid case has none
        assertThat(page.split("id=\"approve-", -1)).hasSize(2);
        assertThat(admin.get("/admin/refunds?state=PAID").asString()).doesNotContain("id=\"case-" + FakeStaffHelpdesk.CASE)
                .contains("RF-ATM-20261201-000002", "<option value=\"PAID\" selected>");
        String badDay = admin.get("/admin/refunds?date=5-12-2026").then().statusCode(400).extract().asString();
        assertThat(badDay).contains("id=\"date-error\">tanggal harus berformat yyyy-MM-dd", "<a href=\"#date\">");

        String noReason = admin.post("/admin/refunds/" + FakeStaffHelpdesk.CASE + "/reject", Map.of("reason", " "))
                .then().statusCode(400).extract().asString();
        assertThat(noReason).contains("id=\"reason-" + FakeStaffHelpdesk.CASE + "-error\">alasan penolakan 1 sampai 500 karakter",
                "<a href=\"#reason-" + FakeStaffHelpdesk.CASE + "\">");

        admin.post("/admin/refunds/" + FakeStaffHelpdesk.CASE + "/approve", Map.of("state", "REQUESTED"))
                .then().statusCode(303).header("Location", containsString("/admin/refunds?state=REQUESTED&date=&done=approved"));
        assertThat(admin.get("/admin/refunds?done=approved").asString()).contains("id=\"done\">Pengembalian disetujui",
                "Disetujui, sedang dikembalikan").doesNotContain("id=\"approve-");
        String twice = admin.post("/admin/refunds/" + FakeStaffHelpdesk.CASE + "/reject", Map.of("reason", "dobel"))
                .then().statusCode(409).extract().asString();
        assertThat(twice).contains("Kasus ini sudah diputuskan (APPROVED).");
        assertThat(FakeStaffHelpdesk.BODIES).anyMatch(b -> b.endsWith("/approve {}"))
                .anyMatch(b -> b.endsWith("/reject {\"reason\":\"dobel\"}"));
    }
}
