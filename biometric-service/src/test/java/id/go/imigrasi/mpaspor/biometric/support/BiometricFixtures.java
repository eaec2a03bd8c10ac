package id.go.imigrasi.mpaspor.biometric.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import id.go.imigrasi.mpaspor.testkit.Niks;
import id.go.imigrasi.mpaspor.contracts.EventTypes;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.contracts.application.SubmittedApplicant;
import id.go.imigrasi.mpaspor.contracts.quota.HoldConfirmed;
import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * What the tests do as the other parties would: application-service and quota-service publishing their events,
 * officers and applicants calling the API with their tokens, ops reading committed rows.
 */
public final class BiometricFixtures {

    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    public static final String OFFICE = "JKTSEL";
    public static final String OTHER_OFFICE = "BDG";
    public static final String[] FINGERS = { "RIGHT_THUMB", "RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING",
            "RIGHT_LITTLE", "LEFT_THUMB", "LEFT_INDEX", "LEFT_MIDDLE", "LEFT_RING", "LEFT_LITTLE" };

    /** An appointment as committed. */
    public record Booked(String id, String applicationId, String applicantId, String accountId, String bookingCode,
            String nik, LocalDate date, String session, String status) {
    }

    private BiometricFixtures() {
    }

    public static String kafka() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static String posUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.pos.url", String.class);
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A 16-digit NIK, unique enough for one run. */
    public static String nik() {
        return Niks.random();
    }

    public static SubmittedApplicant applicant(String name, String kind) {
        return new SubmittedApplicant(newId("applicant"), name, nik(), LocalDate.of(1990, 1, 1), kind, 10, false);
    }

    public static ApplicationSubmitted submitted(String accountId, LocalDate date, SubmittedApplicant... applicants) {
        return submitted("REGULAR", accountId, date, applicants);
    }

    /** Submitted with a hold of the service line {@code service} (REGULAR or SAME_DAY). */
    public static ApplicationSubmitted submitted(String service, String accountId, LocalDate date,
            SubmittedApplicant... applicants) {
        String applicationId = newId("app");
        return new ApplicationSubmitted(applicationId, accountId, "hold-" + applicationId, OFFICE, date, "MORNING",
                List.of(applicants), Instant.now(), service);
    }

    /** The paid confirmation of the submission's hold, on the submission's service line. */
    public static HoldConfirmed confirmed(ApplicationSubmitted s) {
        return new HoldConfirmed(s.holdId(), s.applicationId(), s.officeCode(), s.appointmentDate(), s.session(),
                s.service(), s.applicants().stream().map(SubmittedApplicant::nik).toList());
    }

    /** Publishes as the producer's outbox relay would; returns the CloudEvents id. */
    public static String publish(IntegrationEvent event) {
        return publish(event, UUID.randomUUID().toString());
    }

    public static String publish(IntegrationEvent event, String eventId) {
        String service = EventTypes.of(event.getClass()).service();
        try {
            CloudEvent envelope = CloudEvents.envelope(eventId, "/mpaspor/" + service + "-service",
                    EventTypes.ceType(event.getClass()), event.aggregateId(), Instant.now(),
                    JSON.writeValueAsString(event));
            try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka()),
                    new StringSerializer(), new CloudEventSerializer())) {
                producer.send(new ProducerRecord<>(EventTypes.topic(event.getClass()), event.aggregateId(), envelope))
                        .get();
            }
            return eventId;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes submission and confirmation and waits for the appointments. */
    public static List<Booked> schedule(ApplicationSubmitted submitted) {
        publish(submitted);
        publish(confirmed(submitted));
        return awaitAppointments(submitted.applicationId(), submitted.applicants().size());
    }

    /** One applicant scheduled at {@link #OFFICE} on {@code date}. */
    public static Booked scheduleOne(LocalDate date, String kind) {
        return schedule(submitted(newId("acc"), date, applicant("Budi Santoso", kind))).get(0);
    }

    public static List<Booked> awaitAppointments(String applicationId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> appointments(applicationId).size() >= count);
        return appointments(applicationId);
    }

    public static List<Booked> appointments(String applicationId) {
        return rows("SELECT a.id::text AS id, a.application_id, a.applicant_id, a.account_id, a.booking_code, a.nik,"
                + " a.date, a.session, a.status FROM appointment a WHERE application_id = ? ORDER BY applicant_id",
                applicationId).stream().map(BiometricFixtures::booked).toList();
    }

    public static Booked appointment(String id) {
        return rows("SELECT a.id::text AS id, a.application_id, a.applicant_id, a.account_id, a.booking_code, a.nik,"
                + " a.date, a.session, a.status FROM appointment a WHERE id = ?::uuid", id).stream()
                .map(BiometricFixtures::booked).findFirst().orElse(null);
    }

    public static String status(String id) {
        return appointment(id).status();
    }

    private static Booked booked(Map<String, Object> r) {
        return new Booked((String) r.get("id"), (String) r.get("application_id"), (String) r.get("applicant_id"),
                (String) r.get("account_id"), (String) r.get("booking_code"), (String) r.get("nik"),
                ((java.sql.Date) r.get("date")).toLocalDate(), (String) r.get("session"), (String) r.get("status"));
    }

    public static long count(String sql, Object... args) {
        return RealInfrastructure.database().count(sql, args);
    }

    /** Outbox rows of the application with this event type (what the relay publishes). */
    public static long outboxEvents(String applicationId, String eventName) {
        return count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND type = ?", applicationId,
                "mpaspor.biometric." + eventName + ".v1");
    }

    public static int update(String sql, Object... args) {
        return RealInfrastructure.database().update(sql, args);
    }

    public static List<Map<String, Object>> rows(String sql, Object... args) {
        return RealInfrastructure.database().rows(sql, args);
    }

    public static JsonNode data(ConsumerRecord<String, CloudEvent> record) {
        try {
            return JSON.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isEvent(ConsumerRecord<String, CloudEvent> r, String name, String contains) {
        return r.value().getType().equals("mpaspor.biometric." + name + ".v1")
                && new String(r.value().getData().toBytes(), StandardCharsets.UTF_8).contains(contains);
    }

    // ---- the officer's desk over HTTP --------------------------------------------------------------------------

    public static String officer() {
        return TestJwt.officer("officer-" + UUID.randomUUID(), OFFICE);
    }

    /** The account id (the {@code sub} claim) of a test token: who the events must name as the officer. */
    public static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher sub = java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        if (!sub.find()) {
            throw new IllegalArgumentException("no sub in " + payload);
        }
        return sub.group(1);
    }

    public static String officerOf(String office) {
        return TestJwt.officer("officer-" + UUID.randomUUID(), office);
    }

    public static ValidatableResponse post(String token, String path, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body instanceof String s ? s : write(body));
        }
        return request.when().post(path).then();
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ValidatableResponse checkIn(String token, String bookingCode, String nik) {
        return post(token, "/office/check-in", Map.of("bookingCode", bookingCode, "nik", nik));
    }

    public static ValidatableResponse interview(String token, String id, String outcome, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        body.put("reason", reason);
        return post(token, "/office/appointments/" + id + "/interview", body);
    }

    public static ValidatableResponse face(String token, String id, int score, boolean icao) {
        return post(token, "/office/appointments/" + id + "/capture/face", Map.of("score", score, "icaoCompliant", icao));
    }

    public static ValidatableResponse finger(String token, String id, String finger, int nfiq2) {
        return post(token, "/office/appointments/" + id + "/capture/fingers",
                Map.of("results", List.of(Map.of("finger", finger, "nfiq2", nfiq2))));
    }

    public static ValidatableResponse allFingers(String token, String id, int nfiq2) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (String f : FINGERS) {
            results.add(Map.of("finger", f, "nfiq2", nfiq2));
        }
        return post(token, "/office/appointments/" + id + "/capture/fingers", Map.of("results", results));
    }

    public static ValidatableResponse exception(String token, String id, String finger, String kind, String reason) {
        return post(token, "/office/appointments/" + id + "/capture/fingers/" + finger + "/exception",
                Map.of("kind", kind, "reason", reason));
    }

    public static ValidatableResponse decide(String token, String id, String decision, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("reason", reason);
        return post(token, "/office/appointments/" + id + "/decision", body);
    }

    public static ValidatableResponse issue(String token, String id) {
        return post(token, "/office/appointments/" + id + "/issuance", null);
    }

    /** Checks in (the clock must be on the appointment day), verifies documents, captures everything passing. */
    public static void throughCapture(String token, Booked b) {
        checkIn(token, b.bookingCode(), b.nik()).statusCode(200);
        interview(token, b.id(), "VERIFIED", null).statusCode(200);
        face(token, b.id(), 85, true).statusCode(200);
        allFingers(token, b.id(), 60).statusCode(200);
    }

    /** ...then approved and printed. */
    public static void throughIssuance(String token, Booked b) {
        throughCapture(token, b);
        decide(token, b.id(), "APPROVE", null).statusCode(200);
        issue(token, b.id()).statusCode(200);
    }
}
