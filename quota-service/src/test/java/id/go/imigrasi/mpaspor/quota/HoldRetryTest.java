package id.go.imigrasi.mpaspor.quota;

import static id.go.imigrasi.mpaspor.quota.support.Quota.count;
import static id.go.imigrasi.mpaspor.quota.support.Quota.held;
import static id.go.imigrasi.mpaspor.quota.support.Quota.holdJson;
import static id.go.imigrasi.mpaspor.quota.support.Quota.nik;
import static id.go.imigrasi.mpaspor.quota.support.Quota.weekday;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 25, Faults 1: a hold was committed while its owner was told it failed (the service was killed before it
 * answered). The owner's retry must get that hold back, never quota-full or nik-already-held, and the owner must be
 * able to list its holds.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class HoldRetryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/holds")
    URI holds;

    private static Response post(String account, String key, String json) {
        var request = given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON).body(json);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/holds");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    /** An office whose REGULAR MORNING and AFTERNOON on {@code date} have {@code places} places each, released. */
    private static void slot(String office, LocalDate date, int places) {
        Quota.rules(office, places, places);
        Quota.release(office, date, date, Instant.now().minusSeconds(1)).statusCode(201);
    }

    private static void expire(String holdId) {
        Quota.execute("UPDATE hold SET expires_at = now() - interval '1 second' WHERE id = CAST(? AS uuid)", holdId);
        await().atMost(Duration.ofSeconds(20)).until(() -> "RELEASED".equals(Quota.status(holdId)));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheHoldItCreatedEvenWhenTheSlotIsNowFull() {
        String office = "JKTUTR";
        LocalDate date = weekday(40);
        slot(office, date, 2);
        String account = Quota.account();
        List<String> niks = List.of(nik(), nik());
        Quota.applicants(account, niks);
        String body = holdJson(office, date, "MORNING", "REGULAR", niks);
        String key = UUID.randomUUID().toString();

        Response first = post(account, key, body);
        first.then().statusCode(201);
        assertThat(held(office, date, "MORNING")).as("the slot is full now").isEqualTo(2);

        // the client never saw the first answer (connection reset) and sends the same request again
        Response retry = post(account, key, body);
        retry.then().statusCode(201).header("Location", first.header("Location"));
        assertThat(json(retry.asString())).isEqualTo(json(first.asString()));
        // the same request with another spelling of the JSON is the same request
        post(account, key, body.replace(",", ", ")).then().statusCode(201)
                .body("holdId", equalTo(first.path("holdId")));

        assertThat(count("SELECT count(*) FROM hold WHERE account_id = ?", account)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM hold WHERE account_id = ? AND idempotency_key = ?", account, key))
                .as("the key is stored with the hold").isEqualTo(1);
        assertThat(held(office, date, "MORNING")).isEqualTo(2);
    }

    @Test
    void aRetryWithoutAKeyForTheSameSlotAndNiksGetsItsHoldNotNikAlreadyHeld() {
        String office = "JKTBAR";
        LocalDate date = weekday(40);
        slot(office, date, 5);
        String account = Quota.account();
        String a = nik();
        String b = nik();
        Quota.applicants(account, List.of(a, b));

        Response first = post(account, null, holdJson(office, date, "MORNING", "REGULAR", List.of(a, b)));
        first.then().statusCode(201);
        // the NIKs in another order: the same applicants, the same slot
        post(account, null, holdJson(office, date, "MORNING", "REGULAR", List.of(b, a))).then().statusCode(201)
                .body("holdId", equalTo(first.path("holdId")));
        // another slot with the same NIKs is another request: refused as before (GET /holds shows the hold)
        post(account, null, holdJson(office, date, "AFTERNOON", "REGULAR", List.of(a, b))).then().statusCode(409)
                .contentType("application/problem+json");
        // a subset of the NIKs is another request too
        post(account, null, holdJson(office, date, "MORNING", "REGULAR", List.of(a))).then().statusCode(409);

        assertThat(count("SELECT count(*) FROM hold WHERE account_id = ?", account)).isEqualTo(1);
        assertThat(held(office, date, "MORNING")).isEqualTo(2);
        assertThat(held(office, date, "AFTERNOON")).isZero();
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndChangesNothing() {
        String office = "SMD";
        LocalDate date = weekday(40);
        slot(office, date, 5);
        String account = Quota.account();
        String a = nik();
        Quota.applicants(account, List.of(a));
        String key = "retry-" + UUID.randomUUID();
        String holdId = post(account, key, holdJson(office, date, "MORNING", "REGULAR", List.of(a))).then()
                .statusCode(201).extract().path("holdId");

        post(account, key, holdJson(office, date, "AFTERNOON", "REGULAR", List.of(a))).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/idempotency-key-reused"));
        // once the first hold is released the key still names it: the other request is still refused ...
        expire(holdId);
        post(account, key, holdJson(office, date, "AFTERNOON", "REGULAR", List.of(a))).then().statusCode(422)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/idempotency-key-reused"));
        // ... and the same request again gets the hold it created, as it is now
        post(account, key, holdJson(office, date, "MORNING", "REGULAR", List.of(a))).then().statusCode(201)
                .body("holdId", equalTo(holdId)).body("status", equalTo("RELEASED"));

        assertThat(count("SELECT count(*) FROM hold WHERE account_id = ?", account)).isEqualTo(1);
        assertThat(held(office, date, "AFTERNOON")).isZero();
        assertThat(held(office, date, "MORNING")).isZero();
    }

    @Test
    void concurrentRequestsWithTheSameKeyMakeOneHoldWithinAndAcrossBatches() {
        String office = "MKS";
        LocalDate date = weekday(41);
        slot(office, date, 200);
        String account = Quota.account();
        List<String> niks = List.of(nik(), nik());
        Quota.applicants(account, niks);
        String token = TestJwt.applicant(account);
        String body = holdJson(office, date, "MORNING", "REGULAR", niks);
        String key = UUID.randomUUID().toString();

        // the same request 20 times at once, among 60 holds of other accounts on the same and another slot, so the
        // combiner puts copies into one statement and into different ones
        List<String> tokens = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<Boolean> mine = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            boolean copy = i % 4 == 0;
            if (copy) {
                tokens.add(token);
                bodies.add(body);
            } else {
                String other = Quota.account();
                String otherNik = nik();
                Quota.applicants(other, List.of(otherNik));
                tokens.add(TestJwt.applicant(other));
                bodies.add(holdJson(office, date, i % 3 == 0 ? "AFTERNOON" : "MORNING", "REGULAR",
                        List.of(otherNik)));
            }
            mine.add(copy);
        }
        List<HttpResponse<String>> responses = Quota.concurrentlyAsIs(holds, tokens, bodies,
                List.of("Idempotency-Key", key));

        List<String> copies = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            assertThat(responses.get(i).statusCode()).as(responses.get(i).body()).isEqualTo(201);
            if (mine.get(i)) {
                copies.add(json(responses.get(i).body()).path("holdId").asText());
            }
        }
        assertThat(copies).hasSize(20);
        assertThat(copies.stream().distinct()).as("one hold for the 20 copies").hasSize(1);
        assertThat(count("SELECT count(*) FROM hold WHERE account_id = ?", account)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id = ?", copies.get(0)))
                .as("one SlotHeld").isEqualTo(1);
        assertThat(held(office, date, "MORNING") + held(office, date, "AFTERNOON")).isEqualTo(2 + 60);
    }

    @Test
    void anAccountListsItsActiveHoldsAndOnlyItsOwn() {
        String office = "MND";
        LocalDate date = weekday(42);
        slot(office, date, 5);
        String account = Quota.account();
        String holdId = Quota.held(account, office, date, "MORNING", List.of(nik()));
        Quota.held(Quota.account(), office, date, "MORNING", List.of(nik()));

        given().auth().oauth2(TestJwt.applicant(account)).when().get("/holds").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].holdId", equalTo(holdId)).body("[0].status", equalTo("HELD"))
                .body("[0].officeCode", equalTo(office)).body("[0].date", equalTo(date.toString()));
        given().auth().oauth2(TestJwt.applicant(Quota.account())).when().get("/holds").then().statusCode(200)
                .body("size()", equalTo(0));
        given().when().get("/holds").then().statusCode(401).contentType("application/problem+json");

        expire(holdId);
        given().auth().oauth2(TestJwt.applicant(account)).when().get("/holds").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
