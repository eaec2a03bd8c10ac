package id.go.imigrasi.mpaspor.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.Niks;
import id.go.imigrasi.mpaspor.testkit.KafkaBroker;
import id.go.imigrasi.mpaspor.testkit.PostgresDatabase;
import id.go.imigrasi.mpaspor.testkit.TestJwt;

/**
 * Two instances of the packaged service (separate JVMs, as in production behind the gateway) on one database:
 * holds far beyond capacity, spread over both, give exactly {@code capacity} successes, and the expiry
 * schedulers of both instances never release a hold twice. No JVM lock could do this; the database does.
 */
@Tag("packaged")
class TwoInstancesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static PostgresDatabase database;
    private static final List<Process> instances = new ArrayList<>();
    private static final List<URI> bases = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        database = PostgresDatabase.create("quota_it");
        String kafka = KafkaBroker.sharedBootstrapServers();
        Path jar = Path.of(System.getProperty("quota.jar", "target/quarkus-app/quarkus-run.jar"));
        assertThat(jar).exists();
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            Path log = Path.of("target", "two-instances-" + i + ".log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Dquarkus.http.port=" + port,
                    "-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl(),
                    "-Dquarkus.datasource.reactive.url=" + database.reactiveUrl(),
                    "-Dquarkus.datasource.username=" + database.username(),
                    "-Dquarkus.datasource.password=" + database.password(),
                    "-Dkafka.bootstrap.servers=" + kafka,
                    "-Dmp.jwt.verify.publickey.location=" + TestJwt.publicKeyLocation(),
                    "-Dmpaspor.quota.expiry.interval=1s",
                    "-Dmpaspor.quota.waiting-room.secret=two-instances-test-secret-not-a-secret",
                    "-Dmpaspor.quota.waiting-room.pow-max-number=1000",
                    "-Dmpaspor.quota.waiting-room.opens-before=PT2H",
                    // every attempt must reach the database: this test is about capacity, not admission
                    "-Dmpaspor.quota.admission.max-in-flight=10000", "-Dmpaspor.quota.admission.target-latency=PT0S",
                    "-jar", jar.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            instances.add(process);
            URI base = URI.create("http://127.0.0.1:" + port);
            bases.add(base);
            // one after the other: the second finds the schema migrated
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ready(base) || !process.isAlive());
            assertThat(process.isAlive()).as("instance %d started; see %s", i, log).isTrue();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : instances) {
            p.destroy();
        }
        for (Process p : instances) {
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    private static boolean ready(URI base) {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> send(URI uri, String method, String token, String body) {
        return HTTP.sendAsync(request(uri, method, token, body), HttpResponse.BodyHandlers.ofString()).join();
    }

    private static HttpRequest request(URI uri, String method, String token, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static LocalDate weekday(int days) {
        LocalDate d = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).plusDays(days);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static String nik() {
        return Niks.random();
    }

    private static long query(String sql, Object... args) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void openSlot(String office, LocalDate date, int capacity) {
        String admin = TestJwt.admin("admin-it");
        StringBuilder rules = new StringBuilder("{\"rules\":[");
        for (int day = 1; day <= 7; day++) {
            rules.append(day == 1 ? "" : ",").append("{\"weekday\":").append(day)
                    .append(",\"service\":\"REGULAR\",\"session\":\"MORNING\",\"capacity\":").append(capacity).append("}");
        }
        assertThat(send(bases.get(0).resolve("/admin/offices/" + office + "/rules"), "PUT", admin,
                rules.append("]}").toString()).statusCode()).isEqualTo(200);
        assertThat(send(bases.get(1).resolve("/admin/offices/" + office + "/releases"), "POST", admin,
                "{\"from\":\"" + date + "\",\"to\":\"" + date + "\",\"releaseAt\":\"" + Instant.now().minusSeconds(1)
                        + "\"}").statusCode()).isEqualTo(201);
    }

    /** A hold request of one NIK, made an applicant of the account first (as ApplicantsChanged would). */
    private static String holdBody(String account, String office, LocalDate date) {
        String nik = nik();
        String application = UUID.randomUUID().toString();
        try (Connection c = database.connect(); PreparedStatement app = c.prepareStatement("INSERT INTO"
                + " application_applicants (application_id, account_id, changed_at) VALUES (?, ?, now())");
                PreparedStatement applicant = c.prepareStatement(
                        "INSERT INTO applicant_nik (application_id, account_id, nik) VALUES (?, ?, ?)")) {
            app.setString(1, application);
            app.setString(2, account);
            app.executeUpdate();
            applicant.setString(1, application);
            applicant.setString(2, account);
            applicant.setString(3, nik);
            applicant.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "{\"officeCode\":\"" + office + "\",\"date\":\"" + date
                + "\",\"session\":\"MORNING\",\"service\":\"REGULAR\",\"niks\":[\"" + nik + "\"]}";
    }

    @Test
    void twoInstancesTogetherNeverExceedCapacity() throws Exception {
        String office = "JKTSEL";
        LocalDate date = weekday(20);
        int capacity = 30;
        openSlot(office, date, capacity);

        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            URI holds = bases.get(i % 2).resolve("/holds");
            String account = "acc-" + UUID.randomUUID();
            calls.add(HTTP.sendAsync(request(holds, "POST", TestJwt.applicant(account), holdBody(account, office, date)),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertThat(byStatus).containsEntry(201, (long) capacity).containsEntry(409, 400L - capacity);
        assertThat(query("SELECT held FROM capacity WHERE office_code = ? AND date = ? AND service = 'REGULAR'"
                + " AND session = 'MORNING'", office, date)).isEqualTo(capacity);
        assertThat(query("SELECT count(*) FROM hold WHERE office_code = ? AND date = ?", office, date))
                .isEqualTo(capacity);
    }

    @Test
    void twoExpirySchedulersReleaseEachHoldOnce() throws Exception {
        String office = "JKTTIM";
        LocalDate date = weekday(21);
        openSlot(office, date, 100);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String account = "acc-" + UUID.randomUUID();
            HttpResponse<String> r = send(bases.get(i % 2).resolve("/holds"), "POST", TestJwt.applicant(account),
                    holdBody(account, office, date));
            assertThat(r.statusCode()).isEqualTo(201);
            ids.add(r.body().replaceAll(".*\"holdId\":\"([^\"]+)\".*", "$1"));
        }
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(
                "UPDATE hold SET expires_at = now() - interval '1 second' WHERE office_code = ? AND date = ?")) {
            st.setObject(1, office);
            st.setObject(2, date);
            assertThat(st.executeUpdate()).isEqualTo(40);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> query("SELECT count(*) FROM hold WHERE office_code = ?"
                + " AND date = ? AND status = 'RELEASED'", office, date) == 40);
        assertThat(query("SELECT held FROM capacity WHERE office_code = ? AND date = ? AND service = 'REGULAR'"
                + " AND session = 'MORNING'", office, date)).isZero();
        assertThat(query("SELECT count(*) FROM outbox WHERE type = 'mpaspor.quota.HoldReleased.v1'"
                + " AND aggregate_id = ANY (?)", (Object) database.connect().createArrayOf("text", ids.toArray())))
                .isEqualTo(40);
        assertThat(Files.readString(Path.of("target", "two-instances-0.log"))
                + Files.readString(Path.of("target", "two-instances-1.log"))).doesNotContain("unexpected failure");
    }

    /**
     * The waiting room across two instances: tickets and passes of one are good at the other (one key), and both see
     * the same "admitted up to N", advanced by one leader at a time: every position admitted exactly once.
     */
    @Test
    void twoInstancesAgreeOnAdmission() throws Exception {
        String office = "PNK";
        LocalDate date = weekday(22);
        String admin = TestJwt.admin("admin-it");
        StringBuilder rules = new StringBuilder("{\"rules\":[");
        for (int day = 1; day <= 7; day++) {
            rules.append(day == 1 ? "" : ",").append("{\"weekday\":").append(day)
                    .append(",\"service\":\"REGULAR\",\"session\":\"MORNING\",\"capacity\":50}");
        }
        assertThat(send(bases.get(0).resolve("/admin/offices/" + office + "/rules"), "PUT", admin,
                rules.append("]}").toString()).statusCode()).isEqualTo(200);
        HttpResponse<String> created = send(bases.get(1).resolve("/admin/offices/" + office + "/releases"), "POST", admin,
                "{\"from\":\"" + date + "\",\"to\":\"" + date + "\",\"releaseAt\":\""
                        + Instant.now().plusSeconds(3600) + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String release = created.body().replaceAll(".*\"releaseId\":\"([^\"]+)\".*", "$1");
        for (URI base : bases) {
            await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.send(HttpRequest.newBuilder(
                    base.resolve("/releases/" + release + "/waiting-room")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> accounts = new ArrayList<>();
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String account = "acc-" + UUID.randomUUID();
            String token = TestJwt.applicant(account);
            HttpResponse<String> challenge = send(bases.get(i % 2).resolve("/releases/" + release
                    + "/waiting-room/challenge"), "GET", token, "");
            String solved = id.go.imigrasi.mpaspor.platform.waitingroom.ProofOfWork.solve(json.readValue(challenge.body(),
                    id.go.imigrasi.mpaspor.platform.waitingroom.ProofOfWork.Challenge.class), json);
            HttpResponse<String> joined = send(bases.get((i + 1) % 2).resolve("/releases/" + release
                    + "/waiting-room/entries"), "POST", token, "{\"altcha\":\"" + solved + "\"}");
            assertThat(joined.statusCode()).as(joined.body()).isEqualTo(200);
            accounts.add(account);
            tickets.add(json.readTree(joined.body()).path("ticket").asText());
        }
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(
                "UPDATE quota_release SET release_at = now() WHERE id = CAST(? AS uuid);"
                        + " UPDATE capacity SET release_at = now() WHERE release_id = CAST(? AS uuid);"
                        + " UPDATE waiting_room SET release_at = now() WHERE release_id = CAST(? AS uuid)")) {
            st.setString(1, release);
            st.setString(2, release);
            st.setString(3, release);
            st.execute();
        }
        for (URI base : bases) {
            await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(HTTP.send(HttpRequest.newBuilder(
                    base.resolve("/releases/" + release + "/waiting-room")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("admittedUpTo").asLong() == 20);
        }
        assertThat(query("SELECT count(*) FROM waiting_room_entry WHERE release_id = CAST(? AS uuid)"
                + " AND admitted_at IS NOT NULL", release)).isEqualTo(20);
        assertThat(query("SELECT COALESCE(sum(CAST(payload::json->>'toPosition' AS int)"
                + " - CAST(payload::json->>'fromPosition' AS int) + 1), 0) FROM outbox"
                + " WHERE type = 'mpaspor.quota.PositionsAdmitted.v1' AND aggregate_id = ?", release))
                .as("every position admitted exactly once, by one leader at a time").isEqualTo(20);
        // a ticket joined at one instance is checked and exchanged for a pass at the other
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(bases.get(i).resolve("/releases/" + release
                    + "/waiting-room/position")).header("Waiting-Room-Ticket", tickets.get(i)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(status.statusCode()).isEqualTo(200);
            String placed = json.readTree(status.body()).path("ticket").asText();
            HttpResponse<String> pass = send(bases.get((i + 1) % 2).resolve("/releases/" + release
                    + "/waiting-room/pass"), "POST", TestJwt.applicant(accounts.get(i)), "{\"ticket\":\"" + placed + "\"}");
            assertThat(pass.statusCode()).as(pass.body()).isEqualTo(200);
        }
    }
}
