package id.go.imigrasi.mpaspor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.web.KantorPagesTest.Desk;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The collective service at the desk (issue 19) against the stand-in API: the officer registers a group with its
 * members pasted one per line, the API's field errors come back on the lines they are about, a registered group
 * opens its state page, and another office's officer or an applicant sees nothing of it.
 */
@QuarkusTest
@WithTestResource(FakeDeskApi.class)
class CollectivePagesTest {

    @BeforeEach
    void fresh() {
        FakeDeskApi.reset();
    }

    private static Map<String, String> group(String members) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("organisation", "SMA Negeri 8 Jakarta");
        f.put("contactName", "Rina Marlina");
        f.put("contactEmail", "rina@sman8.sch.id");
        f.put("contactPhone", "081298765432");
        f.put("date", "2027-03-16");
        f.put("session", "MORNING");
        f.put("passportKind", "ORDINARY");
        f.put("validityYears", "10");
        f.put("travelPurpose", "Studi banding");
        f.put("authority", "AUTHORISED");
        f.put("key", "key-of-this-form");
        f.put("members", members);
        return f;
    }

    @Test
    void anOfficerRegistersAGroupAndSeesEachMembersState() {
        Desk desk = Desk.login("officer@jkt");
        assertThat(desk.get("/kantor").asString()).contains("href=\"/kantor/collective\"");
        String form = desk.get("/kantor/collective").then().statusCode(200).extract().asString();
        assertThat(form).contains("Layanan kolektif (Eazy Passport)", "action=\"/kantor/collective\"",
                "name=\"csrf\"", "id=\"members\"", "name=\"key\"");

        Response sent = desk.post("/kantor/collective", group(
                "Ayu Lestari;3171014506050001;2005-06-05;P;Jakarta;Sri;Jl. Merdeka 1;081234567890\n"
                        + "Budi Santoso\t3171010101050002\t2005-01-01\tL\tJakarta\tTini\tJl. Merdeka 2\t081234567891\n"
                        + "Citra Dewi;3171014101050003;2005-01-01;P;Jakarta;Wati;Jl. Merdeka 3;081234567892"));
        assertThat(sent.statusCode()).isEqualTo(303);
        String location = sent.header("Location");
        assertThat(location).endsWith("/kantor/collective/7c0e2f4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(FakeDeskApi.batchKey).isEqualTo("key-of-this-form");
        assertThat(FakeDeskApi.SEEN).anyMatch(s -> s.startsWith("POST /office/collective-batches ")
                && s.contains("\"sex\":\"MALE\"") && s.contains("\"nik\":\"3171010101050002\"")
                && s.contains("\"sameDayService\":false") && s.contains("\"email\":\"rina@sman8.sch.id\""));

        String state = desk.get("/kantor/collective/7c0e2f4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b").then().statusCode(200)
                .extract().asString();
        assertThat(state).contains("SMA Negeri 8 Jakarta", "Sebagian terdaftar", "Ayu Lestari", "Budi Santoso",
                "Citra Dewi", "DUKCAPIL_MISMATCH", "Terdaftar", "Ditolak", "SUBMITTED");
    }

    @Test
    void theApisFieldErrorsComeBackOnTheLinesTheyAreAbout() {
        Desk desk = Desk.login("officer@jkt");
        Map<String, String> bad = group("Ayu Lestari;3171014506050001;2005-06-05;P;Jakarta;Sri;Jl. Merdeka 1;0812345\n"
                + "Budi Santoso;12345;2005-01-01;L;Jakarta;Tini;Jl. Merdeka 2;081234567891");
        bad.put("organisation", "");
        Response answer = desk.post("/kantor/collective", bad);
        assertThat(answer.statusCode()).isEqualTo(400);
        String page = answer.asString();
        assertThat(page).contains("id=\"organisation-error\"", "id=\"members-error\"",
                "Baris 2 (Budi Santoso, nik): NIK harus 16 angka", "aria-invalid=\"true\"", "Budi Santoso;12345");
        assertThat(FakeDeskApi.batch).isNull();
        // nothing at all: the API says the group needs people
        Response empty = desk.post("/kantor/collective", group(""));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.asString()).contains("id=\"members-error\"", "rombongan berisi 1 sampai 50 orang");
    }

    @Test
    void anotherOfficesOfficerAndAnApplicantSeeNothingOfAGroup() {
        Desk desk = Desk.login("officer@jkt");
        desk.post("/kantor/collective", group("Ayu Lestari;3171014506050001;2005-06-05;P;Jakarta;Sri;Jl. M 1;081234567890"));
        assertThat(Desk.login("officer@bdg").get("/kantor/collective/7c0e2f4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b")
                .statusCode()).isEqualTo(404);
        Desk applicant = Desk.login("siti@x");
        assertThat(applicant.get("/kantor/collective").statusCode()).isEqualTo(403);
        assertThat(applicant.get("/kantor/collective/7c0e2f4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b").statusCode())
                .isEqualTo(403);
    }
}
