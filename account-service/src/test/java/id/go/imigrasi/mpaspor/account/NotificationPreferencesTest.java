package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TextProvider;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 22, how a person is told: the channels and language they choose, and the proof of the mobile number a text
 * may go to (a code by SMS to that number, through the platform's outbox and the provider's stub). A text channel
 * without a proven number is refused and changes nothing; every change is published once.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = TextProvider.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NotificationPreferencesTest {

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";
    private static final String CHANGED = "mpaspor.account.NotificationPreferencesChanged.v1";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private static String login(String email) {
        return Accounts.login(email, Accounts.PASSWORD).then().statusCode(200).extract().path("accessToken");
    }

    private static Response put(String access, Object channels, String language) {
        return given().auth().oauth2(access).contentType(ContentType.JSON)
                .body(Map.of("channels", channels, "language", language))
                .when().put("/accounts/me/notification-preferences");
    }

    private static Response askCode(String access, String phone) {
        return given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("phone", phone))
                .when().post("/accounts/me/phone");
    }

    private static Response confirm(String access, String code) {
        return given().auth().oauth2(access).contentType(ContentType.JSON).body(Map.of("otp", code))
                .when().post("/accounts/me/phone/verification");
    }

    /** The code in the newest text to {@code phone}. */
    private static String codeTextedTo(String phone) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !TextProvider.stub().messagesTo(phone).isEmpty());
        var texts = TextProvider.stub().messagesTo(phone);
        Matcher code = CODE.matcher(texts.get(texts.size() - 1).text());
        assertThat(code.find()).as("a six-digit code in the text").isTrue();
        return code.group(1);
    }

    @Test
    void aTextChannelNeedsANumberProvenByTheCodeSentToIt() throws Exception {
        String email = Accounts.newEmail("kabar");
        String id = Accounts.activeApplicant(email);
        String access = login(email);
        String local = "0813" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String phone = "+62" + local.substring(1);

        given().auth().oauth2(access).when().get("/accounts/me/notification-preferences").then().statusCode(200)
                .body("channels", contains("EMAIL")).body("language", equalTo("id"))
                .body("phoneVerifiedAt", nullValue());

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka, "account.events")) {
            put(access, List.of("EMAIL", "WHATSAPP"), "en").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("channels"))
                    .body("errors[0].code", equalTo("account.notifications.phone-not-verified"));
            given().auth().oauth2(access).when().get("/accounts/me/notification-preferences").then()
                    .body("channels", contains("EMAIL")).body("language", equalTo("id"));

            askCode(access, "12345").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("phone"));
            askCode(access, local).then().statusCode(202);
            String code = codeTextedTo(phone);
            assertThat(TextProvider.stub().messagesTo(phone)).hasSize(1)
                    .allSatisfy(t -> assertThat(t.channel()).isEqualTo("SMS"));

            String wrong = code.equals("000000") ? "111111" : "000000";
            confirm(access, wrong).then().statusCode(400).body("type", equalTo(PROBLEMS + "otp-rejected"));
            given().auth().oauth2(access).when().get("/accounts/me/notification-preferences").then()
                    .body("phoneVerifiedAt", nullValue());

            confirm(access, code).then().statusCode(200).body("phone", equalTo(phone))
                    .body("phoneVerifiedAt", notNullValue());
            put(access, List.of("whatsapp", "EMAIL"), "en").then().statusCode(200)
                    .body("channels", contains("EMAIL", "WHATSAPP")).body("language", equalTo("en"));
            put(access, List.of("EMAIL", "WHATSAPP"), "en").then().statusCode(200); // the same: nothing to publish

            var changes = probe.awaitCount(r -> id.equals(r.key()) && CHANGED.equals(r.value().getType()), 2,
                    Duration.ofSeconds(20));
            String proven = new String(changes.get(0).value().getData().toBytes(), StandardCharsets.UTF_8);
            assertThat(proven).contains("\"verifiedPhone\":\"" + phone + "\"").contains("\"channels\":[\"EMAIL\"]");
            String chosen = new String(changes.get(1).value().getData().toBytes(), StandardCharsets.UTF_8);
            assertThat(chosen).contains("\"channels\":[\"EMAIL\",\"WHATSAPP\"]").contains("\"language\":\"en\"");
            assertThat(probe.readFor(Duration.ofSeconds(2), r -> id.equals(r.key())
                    && CHANGED.equals(r.value().getType()))).as("no third change").hasSize(2);
        }
        assertThat(Db.count("SELECT count(*) FROM queued_mail WHERE recipient = ? AND channel = 'SMS'"
                + " AND sent_at IS NOT NULL AND body IS NULL", phone)).as("the code's text, sent and erased").isEqualTo(1);
    }

    @Test
    void badChoicesAreRefusedAndOnlyTheHolderReachesThem() {
        String email = Accounts.newEmail("pilih");
        Accounts.activeApplicant(email);
        String access = login(email);

        put(access, List.of(), "id").then().statusCode(400)
                .body("errors[0].code", equalTo("account.notifications.channels-empty"));
        put(access, List.of("PIGEON"), "id").then().statusCode(400)
                .body("errors[0].code", equalTo("account.notifications.channel-unknown"));
        put(access, List.of("EMAIL"), "fr").then().statusCode(400)
                .body("errors[0].field", equalTo("language"));
        given().auth().oauth2(access).contentType(ContentType.JSON).body("{\"channels\": \"EMAIL\"}")
                .when().put("/accounts/me/notification-preferences").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(Db.count("SELECT count(*) FROM account WHERE email = ? AND notify_channels = 'EMAIL'"
                + " AND language = 'id'", email)).isEqualTo(1);

        put(TestJwt.officer("officer-1", "JKTSEL"), List.of("EMAIL"), "id").then().statusCode(403);
        given().when().get("/accounts/me/notification-preferences").then().statusCode(401);
    }

    @Test
    void aPhoneCodeCannotBeAskedForByEmailAddressWithoutALogin() {
        String email = Accounts.newEmail("celah");
        Accounts.activeApplicant(email);
        Accounts.requestOtp(email, "VERIFY_PHONE").then().statusCode(400).contentType("application/problem+json");
        assertThat(Db.count("SELECT count(*) FROM otp o JOIN account a ON a.id = o.account_id"
                + " WHERE a.email = ? AND o.purpose = 'VERIFY_PHONE'", email)).isZero();
    }

    /**
     * Two devices change the preferences at the same moment, both from what they read: the account row carries a
     * version, so the second commit finds it changed. That is answered (200, or 409 {@code concurrent-change} with
     * Retry-After: nothing of that request was stored), never 500, and the stored choice is whole.
     */
    @Test
    void twoChangesAtOnceAreAnsweredNeverWithA500() throws Exception {
        String email = Accounts.newEmail("serentak");
        Accounts.activeApplicant(email);
        String access = login(email);
        ExecutorService two = Executors.newFixedThreadPool(2);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        String language = "id";
        try {
            for (int round = 0; round < 30; round++) {
                language = language.equals("id") ? "en" : "id"; // both devices change it from the stored one
                String chosen = language;
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<Response> change = () -> {
                    together.await();
                    return put(access, List.of("EMAIL"), chosen);
                };
                for (var answer : two.invokeAll(List.of(change, change))) {
                    Response response = answer.get();
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    if (response.statusCode() == 409) {
                        response.then().contentType("application/problem+json")
                                .body("type", equalTo(PROBLEMS + "concurrent-change"))
                                .header("Retry-After", notNullValue());
                    } else {
                        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
                    }
                }
            }
        } finally {
            two.shutdownNow();
        }
        assertThat(statuses.keySet()).as("statuses of 60 changes, two at a time: " + statuses)
                .isSubsetOf(200, 409).contains(200);
        assertThat(Db.count("SELECT count(*) FROM account WHERE email = ? AND notify_channels = 'EMAIL'"
                + " AND language = ?", email, language)).as("the last round's choice").isEqualTo(1);
    }
}
