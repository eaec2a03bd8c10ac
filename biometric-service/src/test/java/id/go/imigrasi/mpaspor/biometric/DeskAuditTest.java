package id.go.imigrasi.mpaspor.biometric;

import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.allFingers;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.applicant;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.checkIn;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.count;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.data;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.decide;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.exception;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.face;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.finger;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.interview;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.issue;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.kafka;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.newId;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.officerOf;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.post;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.publish;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.rows;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.schedule;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.submitted;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.subjectOf;
import static id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.biometric.support.BiometricFixtures.Booked;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.biometric.support.TestClock;
import id.go.imigrasi.mpaspor.contracts.account.AccountErased;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.testkit.PersonalDataScan;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 19, the desk's audit: every officer's action on an appointment (check-in to handover, a finger's failures and
 * its exception, a read of the results) is one append-only row naming the officer, the office and the appointment,
 * never the applicant; the admin reads an office's rows newest first, a page at a time; officers may not; an erasure
 * keeps the rows but empties what an officer typed about the person.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DeskAuditTest {

    private static final LocalDate DAY = LocalDate.of(2027, 11, 9);
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String ERASED = "mpaspor.biometric.BiometricDataErased.v1";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** An office code of this test's own, so its audit holds exactly what this test did there. */
    private static String freshOffice() {
        return "T" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    private static Booked scheduledAt(String office, String account, String name) {
        ApplicationSubmitted s = submitted(account, DAY, applicant(name, "ELECTRONIC"));
        return schedule(new ApplicationSubmitted(s.applicationId(), s.accountId(), s.holdId(), office,
                s.appointmentDate(), s.session(), s.applicants(), s.submittedAt(), s.service())).get(0);
    }

    private static JsonPath audit(String token, String office, String query) {
        return given().auth().oauth2(token).when().get("/admin/offices/" + office + "/desk-audit" + query).then()
                .statusCode(200).extract().jsonPath();
    }

    private void at(int minute) {
        clock.setOfficeTime(DAY, LocalTime.of(9, 0).plusMinutes(minute));
    }

    @Test
    void aDeskDayIsListedActionByActionNewestFirstAndPaged() {
        String office = freshOffice();
        String officer = officerOf(office);
        String officerId = subjectOf(officer);
        String admin = TestJwt.admin("admin-" + UUID.randomUUID());
        Booked b = scheduledAt(office, newId("acc"), "Budi Santoso");

        at(0);
        checkIn(officer, b.bookingCode(), b.nik()).statusCode(200);
        at(1);
        interview(officer, b.id(), "VERIFIED", null).statusCode(200);
        at(2);
        face(officer, b.id(), 88, true).statusCode(200);
        at(3);
        post(officer, "/office/appointments/" + b.id() + "/capture/fingers", Map.of("results", List.of(
                Map.of("finger", "RIGHT_THUMB", "nfiq2", 60), Map.of("finger", "RIGHT_MIDDLE", "nfiq2", 60),
                Map.of("finger", "RIGHT_RING", "nfiq2", 60), Map.of("finger", "RIGHT_LITTLE", "nfiq2", 60),
                Map.of("finger", "LEFT_THUMB", "nfiq2", 60), Map.of("finger", "LEFT_INDEX", "nfiq2", 60),
                Map.of("finger", "LEFT_MIDDLE", "nfiq2", 60), Map.of("finger", "LEFT_RING", "nfiq2", 60),
                Map.of("finger", "LEFT_LITTLE", "nfiq2", 60)))).statusCode(200);
        for (int attempt = 1; attempt <= 3; attempt++) {
            at(3 + attempt);
            finger(officer, b.id(), "RIGHT_INDEX", 12).statusCode(200);
        }
        at(7);
        exception(officer, b.id(), "RIGHT_INDEX", "INJURED", "jari telunjuk kanan diperban").statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("CAPTURED"));
        at(8);
        given().auth().oauth2(officer).get("/appointments/{id}", b.id()).then().statusCode(200);
        at(9);
        decide(officer, b.id(), "APPROVE", null).statusCode(200);
        at(10);
        issue(officer, b.id()).statusCode(200);
        at(11);
        String passport = given().auth().oauth2(officer).get("/appointments/{id}", b.id()).then().statusCode(200)
                .extract().path("decision.passportNumber");
        post(officer, "/office/appointments/" + b.id() + "/pickup", Map.of("collectedBy", "APPLICANT",
                "collectorNik", b.nik())).statusCode(200);

        JsonPath all = audit(admin, office, "?limit=100");
        assertThat(all.getList("action", String.class)).containsExactly("PASSPORT_COLLECTED", "PASSPORT_ISSUED",
                "APPROVED", "RESULTS_READ", "FINGER_EXCEPTION", "FINGERS_CAPTURED", "FINGERS_CAPTURED",
                "FINGERS_CAPTURED", "FINGERS_CAPTURED", "FACE_CAPTURED", "INTERVIEW_VERIFIED", "CHECKED_IN");
        assertThat(all.getList("actorId", String.class)).containsOnly(officerId);
        assertThat(all.getList("officeCode", String.class)).containsOnly(office);
        assertThat(all.getList("appointmentId", String.class)).containsOnly(b.id());
        List<String> times = all.getList("at", String.class);
        assertThat(times.stream().map(Instant::parse).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(Instant.parse(times.get(times.size() - 1))).isEqualTo(
                java.time.ZonedDateTime.of(DAY, LocalTime.of(9, 0), TestClock.WIB).toInstant());
        assertThat(all.getString("find { it.action == 'FINGER_EXCEPTION' }.detail")).isEqualTo("RIGHT_INDEX INJURED");
        assertThat(all.getList("findAll { it.action == 'FINGERS_CAPTURED' }.detail", String.class))
                .containsExactly("RIGHT_INDEX 12 ✗ #3", "RIGHT_INDEX 12 ✗ #2", "RIGHT_INDEX 12 ✗ #1",
                        "RIGHT_THUMB 60 ✓ #1, RIGHT_MIDDLE 60 ✓ #1, RIGHT_RING 60 ✓ #1, RIGHT_LITTLE 60 ✓ #1,"
                                + " LEFT_THUMB 60 ✓ #1, LEFT_INDEX 60 ✓ #1, LEFT_MIDDLE 60 ✓ #1, LEFT_RING 60 ✓ #1,"
                                + " LEFT_LITTLE 60 ✓ #1");
        // who did it and on which appointment, never whom: no NIK, name, booking code or passport number
        String body = given().auth().oauth2(admin).get("/admin/offices/" + office + "/desk-audit").asString();
        assertThat(body).doesNotContain(b.nik(), "Budi", b.bookingCode(), passport, "diperban");
        assertThat(PersonalDataScan.traces(RealInfrastructure.database(), b.nik(), "Budi Santoso", passport)
                .stream().filter(t -> t.startsWith("officer_action"))).isEmpty();

        // paged: five at a time, each page older than the last entry of the one before, together the whole list
        List<String> paged = new ArrayList<>();
        List<Long> ids = all.getList("id", Long.class);
        String query = "?limit=5";
        for (int page = 0; page < 3; page++) {
            JsonPath p = audit(admin, office, query);
            assertThat(p.getList("id")).hasSizeLessThanOrEqualTo(5);
            p.getList("id", Long.class).forEach(id -> paged.add(String.valueOf(id)));
            query = "?limit=5&before=" + p.getList("id", Long.class).get(p.getList("id").size() - 1);
        }
        assertThat(paged).containsExactlyElementsOf(ids.stream().map(String::valueOf).toList());
        assertThat(audit(admin, office, "?limit=5&before=" + ids.get(ids.size() - 1)).getList("id")).isEmpty();
    }

    @Test
    void anotherOfficesActionsAreNotListedAndOnlyAdminsMayRead() {
        String office = freshOffice();
        String other = freshOffice();
        String admin = TestJwt.admin("admin-" + UUID.randomUUID());
        Booked here = scheduledAt(office, newId("acc"), "Sri Lestari");
        Booked there = scheduledAt(other, newId("acc"), "Agus Salim");
        at(0);
        String officer = officerOf(office);
        checkIn(officer, here.bookingCode(), here.nik()).statusCode(200);
        String otherOfficer = officerOf(other);
        checkIn(otherOfficer, there.bookingCode(), there.nik()).statusCode(200);
        interview(otherOfficer, there.id(), "REJECTED", "KK tidak sesuai").statusCode(200);

        assertThat(audit(admin, office, "").getList("appointmentId", String.class)).containsExactly(here.id());
        JsonPath theirs = audit(admin, other, "");
        assertThat(theirs.getList("action", String.class)).containsExactly("REJECTED", "INTERVIEW_REJECTED",
                "CHECKED_IN");
        assertThat(theirs.getList("detail", String.class)).containsExactly("KK tidak sesuai", "KK tidak sesuai", "");
        // a cursor of another office gives nothing of it
        long theirId = theirs.getLong("[0].id");
        assertThat(audit(admin, office, "?before=" + theirId).getList("id")).isEmpty();

        // officers (even of the office) and applicants may not read it
        given().auth().oauth2(officer).get("/admin/offices/" + office + "/desk-audit").then().statusCode(403)
                .contentType(containsString(PROBLEM_JSON));
        given().auth().oauth2(TestJwt.applicant(here.accountId())).get("/admin/offices/" + office + "/desk-audit")
                .then().statusCode(403).contentType(containsString(PROBLEM_JSON));
        given().get("/admin/offices/" + office + "/desk-audit").then().statusCode(401);

        // a bad office code, limit or cursor: problem+json naming the field, in either language
        for (String[] bad : new String[][] { { "jkt sel", "" }, { "JKT-SEL", "" }, { office, "?limit=0" },
                { office, "?limit=501" }, { office, "?limit=lima" }, { office, "?before=x" }, { office, "?before=-1" } }) {
            given().auth().oauth2(admin).get("/admin/offices/" + bad[0] + "/desk-audit" + bad[1]).then()
                    .statusCode(400).contentType(containsString(PROBLEM_JSON))
                    .body("errors.field", hasItem(bad[0].equals(office)
                            ? (bad[1].contains("limit") ? "limit" : "before") : "code"));
        }
        given().auth().oauth2(admin).header("Accept-Language", "en").get("/admin/offices/" + office
                + "/desk-audit?limit=0").then().statusCode(400).body("errors[0].message",
                        containsString("whole number"));
    }

    @Test
    void theTableRefusesUpdateAndDeleteAndAnErasureEmptiesOnlyTheDetails() {
        String office = freshOffice();
        String account = UUID.randomUUID().toString();
        String name = "Wulan Terhapus " + UUID.randomUUID().toString().substring(0, 8);
        Booked b = scheduledAt(office, account, name);
        at(0);
        String officer = officerOf(office);
        checkIn(officer, b.bookingCode(), b.nik()).statusCode(200);
        interview(officer, b.id(), "REJECTED", "Nama " + name + " di KK berbeda").statusCode(200);
        assertThat(count("SELECT count(*) FROM officer_action WHERE appointment_id = ?::uuid", b.id())).isEqualTo(3);

        for (String change : List.of("UPDATE officer_action SET office_code = 'XX' WHERE appointment_id = ?::uuid",
                "UPDATE officer_action SET detail = 'lain' WHERE appointment_id = ?::uuid",
                "UPDATE officer_action SET officer_id = 'someone', detail = '' WHERE appointment_id = ?::uuid",
                "DELETE FROM officer_action WHERE appointment_id = ?::uuid")) {
            assertThatThrownBy(() -> update(change, b.id())).hasMessageContaining("officer_action is append-only");
        }
        assertThatThrownBy(() -> update("TRUNCATE officer_action")).hasMessageContaining("append-only");
        assertThat(PersonalDataScan.traces(RealInfrastructure.database(), name)).isNotEmpty();

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "biometric.events")) {
            publish(new AccountErased(account, Instant.now()));
            var confirmation = probe.await(r -> ERASED.equals(r.value().getType()) && account.equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(data(confirmation).path("removed").path("officer_action").asInt()).isEqualTo(2);
        }
        assertThat(PersonalDataScan.traces(RealInfrastructure.database(), name, b.nik())).isEmpty();
        List<Map<String, Object>> kept = rows("SELECT action, officer_id, office_code, detail FROM officer_action"
                + " WHERE appointment_id = ?::uuid ORDER BY id", b.id());
        assertThat(kept).extracting(r -> r.get("action")).containsExactly("CHECKED_IN", "INTERVIEW_REJECTED",
                "REJECTED");
        assertThat(kept).extracting(r -> r.get("detail")).containsOnly("");
        assertThat(kept).extracting(r -> r.get("officer_id")).containsOnly(subjectOf(officer));
    }
}
