package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.applicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.nik;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.Fixtures;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.application.support.SmsStubResource;
import id.go.imigrasi.mpaspor.simulators.dukcapil.DukcapilStub;
import id.go.imigrasi.mpaspor.simulators.sms.SmsStub;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Identity squatting (issue 25, security 2): the owner of a NIK that another account's draft holds claims it back
 * with a code sent to the mobile number Dukcapil registered for the NIK, and the squatter's draft loses it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = SmsStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NikClaimTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    private static final Pattern CODE = Pattern.compile("kode ([0-9]{6})");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A person registered at Dukcapil with this mobile number (null: none). */
    private record Person(String name, String nik, LocalDate born, String phone) {

        Map<String, Object> form() {
            return applicant(name, nik, born, "FEMALE");
        }

        Map<String, Object> claim() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("nik", nik);
            c.put("fullName", name);
            c.put("birthDate", born.toString());
            c.put("birthPlace", "Jakarta");
            c.put("sex", "FEMALE");
            return c;
        }
    }

    private static Person registered(String name, String phone) {
        LocalDate born = LocalDate.of(1975 + ThreadLocalRandom.current().nextInt(25),
                1 + ThreadLocalRandom.current().nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28));
        String nik = nik(born, "FEMALE");
        DukcapilStubResource.stub().register(new DukcapilStub.Person(nik, name, born.toString(), "Jakarta", "FEMALE",
                phone));
        return new Person(name, nik, born, phone);
    }

    private static String phone() {
        return "0813" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private static ValidatableResponse addApplicant(String account, String app, Map<String, Object> form) {
        return given().auth().oauth2(token(account)).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(form).when().post("/applications/{id}/applicants", app).then();
    }

    private static ValidatableResponse startClaim(String account, Map<String, Object> claim, String lang) {
        return given().auth().oauth2(token(account)).header("Accept-Language", lang).contentType(ContentType.JSON)
                .body(claim).when().post("/applications/nik-claims").then();
    }

    private static ValidatableResponse confirm(String account, String claimId, String code) {
        return given().auth().oauth2(token(account)).header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("code", code)).when().post("/applications/nik-claims/{id}/confirmation", claimId).then();
    }

    /** The code in the last SMS the owner of {@code phone} received. */
    private static String codeSentTo(String phone) {
        List<SmsStub.Message> received = SmsStubResource.stub().messagesTo(phone);
        assertThat(received).isNotEmpty();
        Matcher m = CODE.matcher(received.get(received.size() - 1).text());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void theOwnerBlockedByAnotherAccountsDraftClaimsTheNikWithTheCodeSentToTheRegisteredPhone() throws Exception {
        Person owner = registered("Kartika Sari", phone());
        // the squatter knows the owner's data (a photo of the e-KTP): the identity check alone cannot stop them
        String squatter = newAccount();
        String squatterApp = createApplication(squatter);
        String squatted = addApplicant(squatter, squatterApp, owner.form()).statusCode(201).extract().path("id");

        String me = newAccount();
        String myApp = createApplication(me);
        addApplicant(me, myApp, owner.form()).statusCode(409)
                .body("type", equalTo(PROBLEMS + "nik-in-active-application"));

        // a claim needs the registry's data first: another name sends no code
        Map<String, Object> stranger = owner.claim();
        stranger.put("fullName", "Orang Lain");
        startClaim(me, stranger, "id").statusCode(422).body("errors.field", contains("fullName"));
        assertThat(SmsStubResource.stub().messagesTo(owner.phone())).isEmpty();

        String claimId = startClaim(me, owner.claim(), "en").statusCode(201)
                .body("sentTo", equalTo(owner.phone().substring(0, 4) + "*****" + owner.phone().substring(9)))
                .extract().path("id");
        String code = codeSentTo(owner.phone());
        assertThat(SmsStubResource.stub().messagesTo(owner.phone()).get(0).text()).doesNotContain(owner.nik());

        confirm(me, claimId, wrong(code)).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "nik-claim-code-wrong"))
                .body("detail", equalTo("The code does not match. Attempts left: 4."));
        assertThat(count("SELECT count(*) FROM applicant WHERE id = ?::uuid", squatted)).isOne();
        // another account cannot use my claim, even with the code
        confirm(newAccount(), claimId, code).statusCode(404);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(Fixtures.kafka(), "application.events")) {
            confirm(me, claimId, code).statusCode(200).body("released", equalTo(true));
            ConsumerRecord<String, CloudEvent> event = probe.await(r -> squatterApp.equals(r.key())
                    && r.value().getType().equals("mpaspor.application.ApplicantNikClaimed.v1"), Duration.ofSeconds(30));
            JsonNode data = JSON.readTree(new String(event.value().getData().toBytes(), StandardCharsets.UTF_8));
            assertThat(data.get("applicantId").asText()).isEqualTo(squatted);
            assertThat(data.get("accountId").asText()).isEqualTo(squatter);
            assertThat(data.get("nik").asText()).isEqualTo(owner.nik());
        }
        // the squatter's draft lost the applicant, and its timeline says why
        given().auth().oauth2(token(squatter)).when().get("/applications/{id}", squatterApp).then().statusCode(200)
                .body("applicants", hasSize(0))
                .body("timeline.kind", hasItem("APPLICANT_RELEASED_BY_NIK_CLAIM"));
        // the code is spent
        confirm(me, claimId, code).statusCode(409).body("type", equalTo(PROBLEMS + "nik-claim-closed"));
        // and the owner adds themselves
        addApplicant(me, myApp, owner.form()).statusCode(201).body("verification", equalTo("VERIFIED"));
        assertThat(count("SELECT count(*) FROM applicant WHERE nik = ? AND active", owner.nik())).isOne();
        assertThat(count("SELECT count(*) FROM nik_claim WHERE id = ?::uuid AND code_hash <> ? AND attempts = 2"
                + " AND confirmed_at IS NOT NULL", claimId, code)).isOne();
    }

    @Test
    void attemptsAreLimitedAndNothingIsReleasedAfterwardsEvenWithTheRightCode() {
        Person owner = registered("Laras Wulandari", phone());
        String squatter = newAccount();
        String squatterApp = createApplication(squatter);
        addApplicant(squatter, squatterApp, owner.form()).statusCode(201);

        String me = newAccount();
        String claimId = startClaim(me, owner.claim(), "en").statusCode(201).extract().path("id");
        String code = codeSentTo(owner.phone());
        for (int left = 4; left >= 0; left--) {
            confirm(me, claimId, wrong(code)).statusCode(422)
                    .body("detail", equalTo("The code does not match. Attempts left: " + left + "."));
        }
        confirm(me, claimId, code).statusCode(409).body("type", equalTo(PROBLEMS + "nik-claim-closed"));
        assertThat(count("SELECT count(*) FROM applicant WHERE nik = ? AND active AND application_id = ?::uuid",
                owner.nik(), squatterApp)).isOne();
        confirm(me, claimId, "12ab").statusCode(400).body("errors.field", contains("code"));
    }

    @Test
    void codesPerNikAreLimitedSoTheOwnersPhoneCannotBeFlooded() {
        Person owner = registered("Ratna Dewi", phone());
        String squatter = newAccount();
        addApplicant(squatter, createApplication(squatter), owner.form()).statusCode(201);
        String me = newAccount();
        for (int i = 0; i < 3; i++) {
            startClaim(me, owner.claim(), "en").statusCode(201);
        }
        startClaim(newAccount(), owner.claim(), "id").statusCode(429).header("Retry-After", not(equalTo(null)))
                .body("type", equalTo(PROBLEMS + "nik-claim-too-many"));
        assertThat(SmsStubResource.stub().messagesTo(owner.phone())).hasSize(3);
    }

    @Test
    void aFreeOrOwnNikIsNotClaimableAndWithoutARegisteredPhoneTheClaimIsForTheOffice() {
        Person free = registered("Putri Ayu", phone());
        startClaim(newAccount(), free.claim(), "en").statusCode(409).body("type", equalTo(PROBLEMS + "nik-not-claimable"));

        Person mine = registered("Intan Permata", phone());
        String me = newAccount();
        addApplicant(me, createApplication(me), mine.form()).statusCode(201);
        startClaim(me, mine.claim(), "en").statusCode(409).body("type", equalTo(PROBLEMS + "nik-not-claimable"));

        Person noPhone = registered("Wulan Sari", null);
        String squatter = newAccount();
        addApplicant(squatter, createApplication(squatter), noPhone.form()).statusCode(201);
        startClaim(newAccount(), noPhone.claim(), "id").statusCode(409)
                .body("type", equalTo(PROBLEMS + "nik-claim-at-office"))
                .body("detail", org.hamcrest.Matchers.containsString("kantor imigrasi"));
        assertThat(RealInfrastructure.database().count("SELECT count(*) FROM nik_claim WHERE nik IN (?, ?, ?)",
                free.nik(), mine.nik(), noPhone.nik())).isZero();
        // a claim id that is no UUID names nothing that could exist: 400 on the path parameter (issue 21), not 404
        confirm(me, "not-a-claim", "123456").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id")).body("errors[0].code", equalTo("validation.not-an-id"));
    }
}
