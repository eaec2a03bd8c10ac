package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.Management;
import id.go.imigrasi.mpaspor.platform.admission.CrowdRetryAfter;
import id.go.imigrasi.mpaspor.platform.waitingroom.Signatures;
import id.go.imigrasi.mpaspor.platform.waitingroom.Tickets;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Per service, the gateway sends at most its (adaptive) limit of requests at once; the next request to that
 * service is answered 503 + Retry-After at once, in the caller's language, while other services are not
 * affected, and tus uploads are left to the service's own admission. The place comes back with the answer. A request
 * it would shed is shed before its token's first verification.
 */
@QuarkusTest
@TestProfile(UpstreamAdmissionTest.OneRequestPerService.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class UpstreamAdmissionTest {

    public static class OneRequestPerService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.gateway.proxy.admission.enabled", "true",
                    "mpaspor.gateway.proxy.admission.min-in-flight", "1",
                    "mpaspor.gateway.proxy.admission.initial-in-flight", "1",
                    // every answer is slower than this: the limit stays at its floor of one, whatever ran before
                    "mpaspor.gateway.proxy.admission.target-latency", "PT0.000001S",
                    // a connection beside the limit's one, for the hold that goes ahead of it
                    "mpaspor.gateway.proxy.max-pool-size", "2",
                    // the hung request is a full limit here, not a stalled service
                    "mpaspor.gateway.proxy.admission.stall-after", "PT30S",
                    // long enough for the steps below on a busy machine; the hung request ends with its 503
                    "mpaspor.gateway.proxy.response-timeout", "8s");
        }
    }

    private static final String OFFICER = TestJwt.officer("officer-1", "JKT1");

    @jakarta.inject.Inject
    id.go.imigrasi.mpaspor.platform.security.VerifiedTokens verifiedTokens;

    @Test
    void aServiceWithEnoughInFlightGetsNoMoreTheExcessIsAnswered503AtOnce() throws Exception {
        // biometric-service's fake never answers this one: it stays in flight until the response timeout (8 s)
        CompletableFuture<Integer> silent = CompletableFuture.supplyAsync(() -> given().auth().oauth2(OFFICER)
                .when().get("/api/v1/appointments/silent").statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> given().when().get(Management.url("/q/metrics")).asString().matches(
                "(?s).*mpaspor_gateway_upstream_in_flight\\{[^}]*service=\"biometric-service\"[^}]*} 1\\.0.*"));

        long started = System.nanoTime();
        Response refused = given().auth().oauth2(OFFICER).header("Accept-Language", "en")
                .when().get("/api/v1/appointments/p1");
        long millis = (System.nanoTime() - started) / 1_000_000;
        refused.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .header("Content-Language", "en")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/service-unavailable"))
                .body("instance", equalTo("/api/v1/appointments/p1"));
        assertThat(millis).as("answered at once, not after the request in flight").isLessThan(1_000L);
        assertThat(silent).isNotDone();

        // a token the gateway has not seen is not verified for a request it sheds: the refusal comes first, so a
        // token that would fail verification gets the 503 too
        String unseen = TestJwt.officer("officer-2", "JKT1");
        given().auth().oauth2(unseen).when().get("/api/v1/appointments/p2")
                .then().statusCode(503).header("Retry-After", "5");
        assertThat(verifiedTokens.isKnown(unseen)).as("not verified for a request that was shed").isFalse();
        given().auth().oauth2("not-a-token").when().get("/api/v1/appointments/p3")
                .then().statusCode(503).header("Retry-After", "5");
        // another service with room verifies as ever
        given().auth().oauth2("not-a-token").when().get("/api/v1/applications/a1").then().statusCode(401);

        given().auth().oauth2(TestJwt.applicant("acc-1")).when().get("/api/v1/applications/a1")
                .then().statusCode(200).body("service", equalTo("application"));
        given().auth().oauth2(TestJwt.applicant("acc-1")).header("Tus-Resumable", "1.0.0")
                .when().head("/api/v1/uploads/u1").then().statusCode(200);

        assertThat(silent.get()).isEqualTo(503); // the gateway's response timeout
        given().auth().oauth2("not-a-token").when().get("/api/v1/appointments/p3").then().statusCode(401);
        given().auth().oauth2(unseen).when().get("/api/v1/appointments/p2").then().statusCode(200);
        assertThat(verifiedTokens.isKnown(unseen)).as("verified once the service had room").isTrue();
        given().auth().oauth2(OFFICER).when().get("/api/v1/appointments/p1")
                .then().statusCode(200).body("service", equalTo("biometric"));
        String metrics = given().when().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern(
                "mpaspor_gateway_rejected_total\\{[^}]*reason=\"upstream-busy\"[^}]*scope=\"biometric-service\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("mpaspor_gateway_upstream_limit\\{[^}]*service=\"biometric-service\"[^}]*} 1");
    }

    @Test
    void aChallengeTheEdgeIssuesIsNotRefusedBecauseQuotaServiceIsFull() throws Exception {
        java.util.UUID release = java.util.UUID.randomUUID();
        WaitingRoomAtTheEdgeTest.quotaShows(release, WaitingRoomAtTheEdgeTest.room(release, false, null));
        String first = TestJwt.applicant("acc-challenge-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            Response r = WaitingRoomAtTheEdgeTest.challenge(release, first);
            return r.statusCode() == 200 && r.jsonPath().get("service") == null;
        });
        // quota-service's fake never answers this one: its one place stays taken until the response timeout
        CompletableFuture<Integer> silent = CompletableFuture.supplyAsync(() -> given().auth().oauth2(first)
                .when().get("/api/v1/releases/silent").statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> given().when().get(Management.url("/q/metrics")).asString()
                .matches("(?s).*mpaspor_gateway_upstream_in_flight\\{[^}]*service=\"quota-service\"[^}]*} 1\\.0.*"));

        // a new applicant's challenge is issued at the edge all the same (her token verified for it) ...
        String unseen = TestJwt.applicant("acc-challenge-2");
        WaitingRoomAtTheEdgeTest.challenge(release, unseen).then().statusCode(200)
                .body("algorithm", equalTo("SHA-256")).body("service", org.hamcrest.Matchers.nullValue());
        // ... while her join, which quota-service must answer, is shed at once
        given().auth().oauth2(TestJwt.applicant("acc-challenge-3")).contentType("application/json")
                .body("{\"altcha\":\"x\"}").when().post("/api/v1/releases/" + release + "/waiting-room/entries")
                .then().statusCode(503).header("Retry-After", "5");
        assertThat(silent.get()).isEqualTo(503);
    }

    @Test
    void aCrowdShedForAServiceIsToldToComeBackLaterThanAFewAre() throws Exception {
        String applicant = TestJwt.applicant("acc-crowd-1");
        // application-service's one place stays taken by a request it never answers
        CompletableFuture<Integer> silent = CompletableFuture.supplyAsync(() -> given().auth().oauth2(applicant)
                .when().get("/api/v1/applications/silent").statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> given().when().get(Management.url("/q/metrics")).asString()
                .matches("(?s).*mpaspor_gateway_upstream_in_flight\\{[^}]*service=\"application-service\"[^}]*} 1\\.0.*"));

        java.util.List<Integer> retryAfters = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            retryAfters.add(Integer.parseInt(given().auth().oauth2(applicant).when().get("/api/v1/applications/c" + i)
                    .then().statusCode(503).extract().header("Retry-After")));
        }
        // the first few are told the base (5 s); once far more are shed in a second than were served (none, counted
        // as a few), later ones are spread further out, never past the maximum (30 s)
        assertThat(retryAfters.subList(0, CrowdRetryAfter.FEW)).containsOnly(5);
        assertThat(java.util.Collections.max(retryAfters)).isGreaterThan(5).isLessThanOrEqualTo(30);
        assertThat(silent.get()).isEqualTo(503);
        // other services are not pushed back by this crowd
        given().auth().oauth2(TestJwt.officer("officer-9", "JKT1")).when().get("/api/v1/appointments/p9")
                .then().statusCode(200);
    }

    @Test
    void anAdmittedPersonsHoldGoesAheadOfTheCrowdAndOnlyHers() throws Exception {
        java.util.UUID release = java.util.UUID.randomUUID();
        String holder = TestJwt.applicant("acc-admitted-1");
        Tickets quotaSigns = new Tickets(new Signatures("test-only-waiting-room-secret-not-a-secret"));
        java.time.Instant expires = java.time.Instant.now().plusSeconds(600);
        String pass = quotaSigns.sign(new Tickets.Pass(release, "acc-admitted-1", expires));
        // quota-service's fake never answers this one: its one place stays taken until the response timeout
        CompletableFuture<Integer> silent = CompletableFuture.supplyAsync(() -> given().auth().oauth2(holder)
                .when().get("/api/v1/releases/silent").statusCode());
        await().atMost(Duration.ofSeconds(10)).until(() -> given().when().get(Management.url("/q/metrics")).asString()
                .matches("(?s).*mpaspor_gateway_upstream_in_flight\\{[^}]*service=\"quota-service\"[^}]*} 1\\.0.*"));

        // a hold with no pass, a forged one, an expired one, or another account's is shed as any request ...
        String someoneElse = TestJwt.applicant("acc-admitted-2");
        String forged = new Tickets(new Signatures("another-secret-0123456789"))
                .sign(new Tickets.Pass(release, "acc-admitted-1", expires));
        String expired = quotaSigns.sign(new Tickets.Pass(release, "acc-admitted-1",
                java.time.Instant.now().minusSeconds(1)));
        hold(holder, null).then().statusCode(503).header("Retry-After", "5");
        hold(holder, forged).then().statusCode(503).header("Retry-After", "5");
        hold(holder, expired).then().statusCode(503).header("Retry-After", "5");
        hold(someoneElse, pass).then().statusCode(503).header("Retry-After", "5");
        assertThat(verifiedTokens.isKnown(someoneElse)).as("verified: the pass was valid, whose it is the token says")
                .isTrue();
        // ... but her own pass takes her hold to quota-service past the full limit (the fake echoes it)
        hold(holder, pass).then().statusCode(200).body("service", equalTo("quota"))
                .body("method", equalTo("POST")).body("path", equalTo("/holds"));
        // a position check, which anyone may send with a ticket, is still shed
        given().when().get("/api/v1/releases/" + release + "/waiting-room/position").then().statusCode(503);
        assertThat(silent.get()).isEqualTo(503);
        String metrics = given().when().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("mpaspor_gateway_waiting_room_holds_ahead_total(\\{[^}]*})? 1\\.0");
    }

    private static Response hold(String token, String pass) {
        var request = given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", "k-1")
                .body("{\"officeCode\":\"SBY\",\"date\":\"2027-01-04\",\"session\":\"MORNING\","
                        + "\"service\":\"REGULAR\",\"niks\":[\"3171234567890123\"]}");
        if (pass != null) {
            request.header("Hold-Pass", pass);
        }
        return request.when().post("/api/v1/holds");
    }
}
