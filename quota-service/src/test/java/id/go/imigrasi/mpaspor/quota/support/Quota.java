package id.go.imigrasi.mpaspor.quota.support;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import id.go.imigrasi.mpaspor.testkit.Niks;
import id.go.imigrasi.mpaspor.platform.events.CloudEvents;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** What the tests do as users, admins and other services: HTTP calls, events on Kafka, reads of committed rows. */
public final class Quota {

    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Quota() {
    }

    /** A valid-looking NIK (province 32, West Java), unique enough for a test run. */
    public static String nik() {
        return Niks.random();
    }

    public static String account() {
        return "acc-" + UUID.randomUUID();
    }

    /** The n-th Monday-to-Friday date from today's date in Jakarta plus {@code fromDays}. */
    public static LocalDate weekday(int fromDays) {
        LocalDate d = LocalDate.now(WIB).plusDays(fromDays);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The first Monday-to-Friday date after {@code date}. */
    public static LocalDate nextWeekday(LocalDate date) {
        LocalDate d = date.plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    public static String admin() {
        return TestJwt.admin("admin-" + UUID.randomUUID());
    }

    /** Gives the office one capacity for REGULAR MORNING (and AFTERNOON) on every weekday. */
    public static void rules(String office, int regularMorning, int regularAfternoon) {
        StringBuilder rules = new StringBuilder("{\"rules\":[");
        for (int day = 1; day <= 7; day++) {
            rules.append(day == 1 ? "" : ",")
                    .append("{\"weekday\":").append(day).append(",\"service\":\"REGULAR\",\"session\":\"MORNING\",\"capacity\":")
                    .append(regularMorning).append("},")
                    .append("{\"weekday\":").append(day).append(",\"service\":\"REGULAR\",\"session\":\"AFTERNOON\",\"capacity\":")
                    .append(regularAfternoon).append("}");
        }
        rules.append("]}");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(rules.toString())
                .when().put("/admin/offices/" + office + "/rules").then().statusCode(200);
    }

    public static ValidatableResponse release(String office, LocalDate from, LocalDate to, Instant releaseAt) {
        return given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("from", from.toString(), "to", to.toString(), "releaseAt", releaseAt.toString()))
                .when().post("/admin/offices/" + office + "/releases").then();
    }

    public static String holdJson(String office, LocalDate date, String session, String service, List<String> niks) {
        StringBuilder n = new StringBuilder();
        for (String nik : niks) {
            n.append(n.length() == 0 ? "" : ",").append('"').append(nik).append('"');
        }
        return "{\"officeCode\":\"" + office + "\",\"date\":\"" + date + "\",\"session\":\"" + session
                + "\",\"service\":\"" + service + "\",\"niks\":[" + n + "]}";
    }

    /**
     * Makes the NIKs applicants of a (new) draft application of the account in quota-service's projection, as the
     * consumer of application-service's ApplicantsChanged writes it (that consumer is proven on Kafka in
     * {@code HoldApplicantsTest}). Tests of other rules use this so each hold is by an applicant of the account.
     */
    public static void applicants(String account, List<String> niks) {
        String application = UUID.randomUUID().toString();
        try (Connection c = RealInfrastructure.database().connect(); PreparedStatement st = c.prepareStatement(
                "WITH a AS (INSERT INTO application_applicants (application_id, account_id, changed_at)"
                        + " VALUES (?, ?, now()) RETURNING application_id, account_id)"
                        + " INSERT INTO applicant_nik (application_id, account_id, nik)"
                        + " SELECT DISTINCT a.application_id, a.account_id, x.nik FROM a, unnest(?::text[]) AS x(nik)")) {
            st.setString(1, application);
            st.setString(2, account);
            st.setArray(3, c.createArrayOf("text", niks.toArray()));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #applicants} for the account of an applicant's token and the NIKs of a hold request's JSON. */
    public static void applicantsOf(String token, String holdJson) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8);
        java.util.regex.Matcher sub = java.util.regex.Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(payload);
        if (!sub.find()) {
            throw new IllegalArgumentException("no subject in the token");
        }
        List<String> niks = new ArrayList<>();
        java.util.regex.Matcher nik = java.util.regex.Pattern.compile("\"(\\d{16})\"").matcher(holdJson);
        while (nik.find()) {
            niks.add(nik.group(1));
        }
        applicants(sub.group(1), niks);
    }

    /** A hold by an applicant of the account (the NIKs are made its applicants first). */
    public static ValidatableResponse hold(String account, String office, LocalDate date, String session,
            List<String> niks) {
        applicants(account, niks);
        return given().auth().oauth2(TestJwt.applicant(account)).contentType(ContentType.JSON)
                .body(holdJson(office, date, session, "REGULAR", niks))
                .when().post("/holds").then();
    }

    /** A hold that must succeed; returns its id. */
    public static String held(String account, String office, LocalDate date, String session, List<String> niks) {
        return hold(account, office, date, session, niks).statusCode(201).extract().path("holdId");
    }

    /**
     * Fires all requests at once (asynchronously) and returns status code and body of each. Each request's NIKs are
     * first made applicants of its token's account ({@link #applicantsOf}).
     */
    public static List<HttpResponse<String>> concurrently(URI uri, List<String> tokens, List<String> bodies) {
        for (int i = 0; i < bodies.size(); i++) {
            applicantsOf(tokens.get(i), bodies.get(i));
        }
        return concurrentlyAsIs(uri, tokens, bodies, List.of());
    }

    /** Fires all requests at once, as they are, with the given extra headers (name, value, name, value...). */
    public static List<HttpResponse<String>> concurrentlyAsIs(URI uri, List<String> tokens, List<String> bodies,
            List<String> headers) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + tokens.get(i)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i), StandardCharsets.UTF_8));
            for (int h = 0; h + 1 < headers.size(); h += 2) {
                request.header(headers.get(h), headers.get(h + 1));
            }
            calls.add(HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
        }
        return calls.stream().map(CompletableFuture::join).toList();
    }

    /** Publishes an event as its producer's relay would (CloudEvents binary mode, key = aggregate id). */
    public static void publish(String bootstrap, String topic, String eventId, String source, String type, String key,
            String json) {
        CloudEvent event = CloudEvents.envelope(eventId, source, type, key, Instant.now(), json);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new CloudEventSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A single value from the committed rows of the test database. */
    public static Object value(String sql, Object... args) {
        try (Connection c = RealInfrastructure.database().connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(String sql, Object... args) {
        return ((Number) value(sql, args)).longValue();
    }

    public static int execute(String sql, Object... args) {
        try (Connection c = RealInfrastructure.database().connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            return st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int held(String office, LocalDate date, String session) {
        return ((Number) value("SELECT held FROM capacity WHERE office_code = ? AND date = ? AND service = 'REGULAR'"
                + " AND session = ?", office, date, session)).intValue();
    }

    public static String status(String holdId) {
        return (String) value("SELECT status FROM hold WHERE id = CAST(? AS uuid)", holdId);
    }

    public static String data(CloudEvent event) {
        return event.getData() == null ? "" : new String(event.getData().toBytes(), StandardCharsets.UTF_8);
    }
}
