package id.go.imigrasi.mpaspor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The applicant's help (issue 22) against the stand-in API's helpdesk, mails, corrections and refunds
 * ({@link FakeHelpdesk}): a ticket opened from the application page (every missing field beside its field), replied
 * to and closed, the API's 409 in its words; the application's mails with "Kirim ulang" on the last bill only, the
 * 429's wait; corrections sending only what changed, refused field by field, after check-in and at the office in
 * plain words, and their history; the bill's refund cases. Only logged in, every post with the form's CSRF token.
 */
@QuarkusTest
@WithTestResource(FakeApi.class)
class HelpPagesTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String APP = "/applications/" + FakeApi.APPLICATION;
    private static final Pattern TICKET = Pattern.compile("/tickets/([0-9a-f-]{36})\\?opened=1");

    @BeforeEach
    void fresh() {
        FakeHelpdesk.reset();
    }

    private static Response get(String session, String path) {
        return given().cookie("mpaspor_session", session).redirects().follow(false).get(path);
    }

    private static Response post(String session, String csrf, String path, Map<String, String> fields) {
        var req = given().cookie("mpaspor_session", session).redirects().follow(false).contentType(FORM)
                .formParam("csrf", csrf);
        for (var e : fields.entrySet()) {
            req = req.formParam(e.getKey(), e.getValue());
        }
        return req.post(path);
    }

    @Test
    void aTicketIsOpenedRepliedToAndClosed() {
        String session = AgusLogsIn.session();
        String app = get(session, APP).then().statusCode(200).extract().asString();
        // the ticket closed last month is listed with its state
        assertThat(app).contains("<h2 id=\"help-title\">Bantuan</h2>", "Sudah bayar dua kali</a>", ">Selesai</span>",
                "href=\"" + APP + "/tickets/new\"", "href=\"" + APP + "/mails\"",
                "href=\"" + APP + "/applicants/a1/corrections\"", "href=\"" + APP + "/applicants/a2/corrections\"");
        String csrf = AgusLogsIn.find(AgusLogsIn.CSRF, app);

        String form = get(session, APP + "/tickets/new").then().statusCode(200).extract().asString();
        assertThat(form).contains("<label for=\"category\">Tentang apa?</label>", "<option value=\"PAYMENT\">Pembayaran</option>",
                "<option value=\"PASSPORT_DELIVERY\">Pengambilan atau pengiriman paspor</option>", "<textarea id=\"message\"");

        String refused = post(session, csrf, APP + "/tickets", Map.of("category", "", "subject", "  ",
                "message", "Saya sudah membayar di ATM")).then().statusCode(400).extract().asString();
        assertThat(refused).contains("class=\"error-summary\"", "<a href=\"#category\">pilih salah satu jenis pertanyaan</a>",
                "id=\"subject-error\">perihal wajib diisi", ">Saya sudah membayar di ATM</textarea>")
                .doesNotContain("id=\"message-error\"");

        Response opened = post(session, csrf, APP + "/tickets", Map.of("category", "PAYMENT",
                "subject", "Status belum berubah", "message", "Saya sudah membayar di ATM pukul 10.15."));
        opened.then().statusCode(303).header("Location", containsString(APP + "/tickets/"));
        String ticketPath = APP + "/tickets/" + AgusLogsIn.find(TICKET, opened.header("Location"));
        String ticket = get(session, ticketPath + "?opened=1").then().statusCode(200).extract().asString();
        assertThat(ticket).contains("role=\"status\" id=\"done\">Pertanyaan Anda terkirim.",
                "<h1>Pertanyaan: Status belum berubah</h1>", "Jenis: Pembayaran",
                "id=\"ticket-state\">Menunggu jawaban kantor</span>", "Saya sudah membayar di ATM pukul 10.15.",
                "<strong>Pemohon</strong>", "WITA", "id=\"close-ticket\"");
        assertThat(get(session, APP).asString()).contains("Status belum berubah</a>", "Menunggu jawaban kantor",
                "Sudah bayar dua kali</a>");

        assertThat(post(session, csrf, ticketPath + "/messages", Map.of("message", "")).then().statusCode(400)
                .extract().asString()).contains("id=\"message-error\">pesan wajib diisi", "<a href=\"#message\">");
        post(session, csrf, ticketPath + "/messages", Map.of("message", "Ini bukti transfernya."))
                .then().statusCode(303).header("Location", containsString("?sent=1"));
        post(session, csrf, ticketPath + "/closure", Map.of()).then().statusCode(303)
                .header("Location", containsString("?closed=1"));
        String closed = get(session, ticketPath + "?closed=1").asString();
        assertThat(closed).contains("Pertanyaan ditandai selesai.", "id=\"ticket-state\">Selesai</span>",
                "Ini bukti transfernya.", "id=\"reopen-until\"", "12 Desember 2026")
                .doesNotContain("id=\"close-ticket\"");
        assertThat(post(session, csrf, ticketPath + "/closure", Map.of()).then().statusCode(409).extract().asString())
                .contains("class=\"error-summary\"", "Tiket sudah ditutup");

        // closed long ago: the API's words, what was typed kept
        String late = post(session, csrf, APP + "/tickets/" + FakeHelpdesk.OLD + "/messages",
                Map.of("message", "Belum saya terima")).then().statusCode(409).extract().asString();
        assertThat(late).contains("Tiket ini ditutup lebih dari 7 hari yang lalu; buka tiket baru.",
                ">Belum saya terima</textarea>", "<strong>Petugas kantor</strong>");
        assertThat(FakeHelpdesk.BODIES).anyMatch(b -> b.startsWith("POST /tickets ")
                && b.contains("\"category\":\"PAYMENT\"") && b.contains("\"subject\":\"Status belum berubah\""));
    }

    @Test
    void theApplicationsMailsAndTextsWithTheBillSentAgainOnceThenTheWait() {
        String session = AgusLogsIn.session();
        String mails = get(session, APP + "/mails").then().statusCode(200).extract().asString();
        assertThat(mails).contains("<h1>E-mail dan SMS permohonan ini</h1>", "<td>SMS</td>", "diterima di ponsel",
                "Dokumen ditolak", "Gagal terkirim", "agus@example.id", "WITA");
        // the button only on the last bill message, none for the rejected document
        assertThat(mails.split("id=\"resend-BILLING_ISSUED\"", -1)).hasSize(2);
        assertThat(mails).doesNotContain("id=\"resend-DOCUMENT_REJECTED\"");
        String csrf = AgusLogsIn.find(AgusLogsIn.CSRF, mails);

        post(session, csrf, APP + "/mails/resend", Map.of("kind", "BILLING_ISSUED")).then().statusCode(303)
                .header("Location", containsString(APP + "/mails?resent=1"));
        assertThat(get(session, APP + "/mails?resent=1").asString()).contains("id=\"resent\">Salinan baru sedang dikirim.");

        Response soon = post(session, csrf, APP + "/mails/resend", Map.of("kind", "BILLING_ISSUED"));
        soon.then().statusCode(429).header("Retry-After", "287");
        assertThat(soon.asString()).contains("id=\"resend-wait\"", "Coba lagi dalam <span data-countdown=\"287\">287</span> detik.")
                .doesNotContain("data-resubmit");

        String never = post(session, csrf, APP + "/mails/resend", Map.of("kind", "APPOINTMENT_SCHEDULED"))
                .then().statusCode(404).extract().asString();
        assertThat(never).contains("class=\"error-summary\"", "Jadwal kedatangan belum pernah dikirim untuk permohonan ini.");
        assertThat(FakeHelpdesk.BODIES).filteredOn(b -> b.startsWith("POST /mails/resend")).hasSize(3);
    }

    @Test
    void correctionsSendOnlyWhatChangedAndSayTheApisRefusalsInWords() {
        String session = AgusLogsIn.session();
        String path = APP + "/applicants/a1/corrections";
        String page = get(session, path).then().statusCode(200).extract().asString();
        assertThat(page).contains("<h1>Perbaiki data pemohon: Agus Wijaya</h1>", "<label for=\"address\">Alamat</label>",
                "<label for=\"phone\">Nomor HP</label>", "id=\"history-none\"");
        String csrf = AgusLogsIn.find(AgusLogsIn.CSRF, page);

        String nothing = post(session, csrf, path, Map.of("reason", "pindah")).then().statusCode(400).extract().asString();
        assertThat(nothing).contains("Tidak ada yang berubah");
        assertThat(FakeHelpdesk.BODIES).as("nothing sent").isEmpty();

        String refused = post(session, csrf, path, Map.of("phone", "12345", "reason", "")).then().statusCode(400)
                .extract().asString();
        assertThat(refused).contains("id=\"phone-error\">nomor HP tidak valid", "<a href=\"#reason\">alasan wajib diisi</a>",
                "value=\"12345\"");

        post(session, csrf, path, Map.of("address", "Jl. Kenanga No. 7, Makassar", "reason", "Pindah alamat"))
                .then().statusCode(303).header("Location", containsString(path + "?saved=1"));
        assertThat(FakeHelpdesk.BODIES).anyMatch(b -> b.contains("\"fields\":{\"address\":\"Jl. Kenanga No. 7, Makassar\"}")
                && b.contains("\"reason\":\"Pindah alamat\""));
        assertThat(get(session, path + "?saved=1").asString()).contains("id=\"saved\">Perbaikan disimpan.",
                "<td>Alamat</td><td>Jl. Melati 1, Makassar</td><td>Jl. Kenanga No. 7, Makassar</td><td>Pindah alamat</td><td>Pemohon</td>");

        String checkedIn = post(session, csrf, APP + "/applicants/a2/corrections",
                Map.of("phone", "081311112222", "reason", "nomor baru")).then().statusCode(409).extract().asString();
        assertThat(checkedIn).contains("Anda sudah melapor di kantor: perbaikan sekarang dilakukan oleh petugas loket.");

        FakeHelpdesk.AT_OFFICE.set(true);
        String atOffice = post(session, csrf, path, Map.of("travelPurpose", "Umrah", "reason", "salah ketik"))
                .then().statusCode(422).extract().asString();
        assertThat(atOffice).contains("Data ini hanya dapat diperbaiki di kantor imigrasi")
                .doesNotContain("href=\"#fullName\"");
    }

    @Test
    void theBillListsItsRefundCases() {
        String session = AgusLogsIn.session();
        String bill = get(session, APP + "/bill").then().statusCode(200).extract().asString();
        assertThat(bill).contains("<h2 id=\"refunds-title\">Pengembalian dana</h2>", "Rp1.900.000",
                "Tagihan sudah dibayar sebelumnya", "Sudah dikembalikan", "<code>RF-ATM-20261205-000001</code>",
                "Dibayar setelah batas waktu", "Ditolak", "Dana sudah dipakai untuk tagihan baru");
    }

    @Test
    void inEnglish() {
        String session = AgusLogsIn.session();
        Response en = given().cookie("mpaspor_session", session).redirects().follow(false).get("/language?lang=en");
        String english = en.getCookie("mpaspor_session") == null ? session : en.getCookie("mpaspor_session");
        assertThat(get(english, APP + "/tickets/" + FakeHelpdesk.OLD).asString()).contains("<h1>Question: Sudah bayar dua kali</h1>",
                "About: Payment", ">Resolved</span>", "<strong>Office staff</strong>", "Replying opens it again, until");
        assertThat(get(english, APP + "/mails").asString()).contains("Send again", "Could not be sent");
    }

    @Test
    void onlyALoggedInVisitorWithTheFormsTokenReachesThem() {
        for (String path : new String[] { APP + "/tickets/new", APP + "/tickets/" + FakeHelpdesk.OLD, APP + "/mails",
                APP + "/applicants/a1/corrections" }) {
            given().redirects().follow(false).get(path).then().statusCode(303).header("Location", containsString("/login"));
        }
        String session = AgusLogsIn.session();
        for (String path : new String[] { APP + "/tickets", APP + "/tickets/" + FakeHelpdesk.OLD + "/messages",
                APP + "/tickets/" + FakeHelpdesk.OLD + "/closure", APP + "/mails/resend",
                APP + "/applicants/a1/corrections" }) {
            post(session, "not-the-token", path, Map.of("message", "x", "kind", "BILLING_ISSUED", "address", "x",
                    "reason", "x", "category", "OTHER", "subject", "x")).then().statusCode(403);
        }
        assertThat(FakeHelpdesk.BODIES).as("nothing reached the API").isEmpty();
        // someone else's ticket (unknown to the API) is not found here either
        get(session, APP + "/tickets/00000000-0000-4000-8000-000000000000").then().statusCode(404);
        get(session, APP + "/applicants/zz/corrections").then().statusCode(404);
    }
}
