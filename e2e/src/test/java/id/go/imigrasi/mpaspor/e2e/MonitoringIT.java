package id.go.imigrasi.mpaspor.e2e;

import static id.go.imigrasi.mpaspor.e2e.Journey.say;
import static id.go.imigrasi.mpaspor.e2e.Journey.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import id.go.imigrasi.mpaspor.monitoring.MonitoringAsCode;

/**
 * What ops rely on, against the system {@link JourneyIT} drove: every metric an alert rule or a dashboard names is
 * really exported by the running services (a renamed metric fails the build), every M-Paspor metric says what it
 * is (HELP), the {@code uri} label holds route templates only, consumer lag is exported per group and partition, and
 * one application's saga is one trace that {@code ./mpaspor trace} shows hop by hop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({ SharedSystem.class, StopAtFirstFailure.class })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringIT {

    private static final Map<String, Integer> COMPONENTS = new LinkedHashMap<>();
    static {
        COMPONENTS.put("gateway", 9000); // its management port: /q/* is never on the public one
        COMPONENTS.put("account-service", 8081);
        COMPONENTS.put("application-service", 8082);
        COMPONENTS.put("quota-service", 8083);
        COMPONENTS.put("billing-service", 8084);
        COMPONENTS.put("biometric-service", 8085);
        COMPONENTS.put("upload-service", 8088);
    }
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s");
    private static final Pattern URI_LABEL = Pattern.compile("uri=\"([^\"]*)\"");
    /** A path segment that is an id, not a template: a UUID, a long number, a 15-digit billing code, hex. */
    private static final Pattern ID_SEGMENT = Pattern.compile(
            "/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d{4,}|[0-9a-f]{16,})(/|$)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SystemUnderTest system;

    @BeforeAll
    void system() {
        system = SharedSystem.system();
    }

    private String metricsOf(String component) {
        int port = SystemUnderTest.port(COMPONENTS.get(component));
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/q/metrics")).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("%s /q/metrics", component).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot scrape " + component + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> scrapeAll() {
        Map<String, String> all = new LinkedHashMap<>();
        COMPONENTS.keySet().forEach(c -> all.put(c, metricsOf(c)));
        return all;
    }

    private static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(system.gateway() + path))
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @Order(1)
    void everyMetricTheAlertsAndDashboardsNameIsExportedByTheRunningServices() throws Exception {
        step("Monitoring: every metric the alert rules and dashboards read is exported by the running system");
        // counters that exist once their event happened: a refused payment callback, a request the gateway answers
        int refused = post("/api/v1/payments/callbacks/atm", "{\"billingCode\":\"000000000000000\"}",
                "Content-Type", "application/json", "X-Mpaspor-Timestamp", Long.toString(System.currentTimeMillis() / 1000),
                "X-Mpaspor-Signature", "0".repeat(64));
        say("  a callback with a bad signature: " + refused);
        assertThat(refused).isEqualTo(401);
        Set<String> wanted = MonitoringAsCode.ofRepository().exportedMetricNames();
        say("  " + wanted.size() + " metric names in docker/prometheus/alerts.yml and docker/grafana/dashboards");
        // topic health is read every 15 s: wait for the first reading of the consumer groups
        // the names still missing are kept outside the condition: a timeout that falls while a scrape is under way
        // loses Awaitility's last assertion (awaitility#286), and those names are what a failure has to say
        AtomicReference<Set<String>> missing = new AtomicReference<>(new TreeSet<>(wanted));
        List<String> unscraped = new ArrayList<>();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                long began = System.nanoTime();
                Set<String> exported = new TreeSet<>();
                List<String> failed = new ArrayList<>();
                for (String component : COMPONENTS.keySet()) {
                    try {
                        exported.addAll(names(metricsOf(component)));
                    } catch (RuntimeException | AssertionError e) {
                        failed.add(component + " (" + e.getMessage() + ")");
                    }
                }
                Set<String> left = new TreeSet<>(wanted);
                left.removeAll(exported);
                synchronized (unscraped) {
                    unscraped.clear();
                    unscraped.addAll(failed);
                }
                missing.set(left);
                if (!left.isEmpty()) {
                    say("  not exported yet (scraped in " + (System.nanoTime() - began) / 1_000_000 + " ms"
                            + (failed.isEmpty() ? "" : "; not scraped: " + failed) + "): " + left);
                }
                return left.isEmpty();
            });
        } catch (ConditionTimeoutException timedOut) {
            // said below, with the names
        }
        synchronized (unscraped) {
            assertThat(missing.get()).as("metrics the alerts and dashboards name but the running services do not export"
                    + (unscraped.isEmpty() ? "" : " (not scraped: " + unscraped + ")")).isEmpty();
        }
        say("  all of them are exported");
    }

    @Test
    @Order(2)
    void consumerLagIsExportedPerGroupTopicAndPartitionAndDeadLetterTopicsAreMeasured() {
        step("Monitoring: consumer lag per group, topic and partition; dead-letter topic sizes");
        String quota = metricsOf("quota-service");
        List<String> lag = quota.lines().filter(l -> l.startsWith("mpaspor_kafka_consumer_lag{")).toList();
        lag.stream().limit(4).forEach(l -> say("  " + l));
        assertThat(lag).anySatisfy(l -> assertThat(l).contains("group=\"quota-service\"")
                .contains("topic=\"billing.events\"").containsPattern("partition=\"\\d+\""));
        assertThat(quota).containsPattern("mpaspor_kafka_dead_letter_records\\{[^}]*topic=\"quota.billing.events.dlt\"");
    }

    @Test
    @Order(3)
    void everyMpasporMetricHasAHelpTextAndTheUriLabelHoldsTemplatesOnly() {
        step("Monitoring: HELP texts and bounded uri labels");
        // a request answered before JAX-RS matched it (the tus version check) used to be labelled with its raw path
        String upload = "/uploads/" + java.util.UUID.randomUUID();
        int status = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SystemUnderTest.port(8088) + upload))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)).build());
        say("  HEAD " + upload + " without Tus-Resumable: " + status);
        assertThat(status).isEqualTo(412);
        List<String> problems = new ArrayList<>();
        scrapeAll().forEach((component, text) -> {
            for (String line : text.split("\n")) {
                if (line.startsWith("# HELP mpaspor_") && line.split(" ", 4).length < 4) {
                    problems.add(component + ": empty HELP: " + line);
                }
                if (line.startsWith("http_server_requests_seconds_count{")) {
                    Matcher uri = URI_LABEL.matcher(line);
                    if (uri.find() && ID_SEGMENT.matcher(uri.group(1)).find()) {
                        problems.add(component + ": an id in the uri label: " + uri.group(1));
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(4)
    void theSagaOfAnApplicationIsOneTraceFromSubmissionToAppointment() throws SQLException {
        step("Tracing: ./mpaspor trace <applicationId> of the journey's application");
        String applicationId;
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("PGPORT", "5432") + "/" + SystemUnderTest.databasePrefix() + "quota";
        try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("PGUSER", "postgres"), "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT payload::jsonb->>'applicationId' FROM outbox"
                        + " WHERE type LIKE '%.HoldConfirmed.%' ORDER BY created_at LIMIT 1")) {
            assertThat(rs.next()).as("a confirmed hold (JourneyIT paid a bill)").isTrue();
            applicationId = rs.getString(1);
        }
        String output = system.outputOf(List.of("./mpaspor", "trace", applicationId), 60);
        output.lines().forEach(l -> say("  " + l));
        Map<String, String> traceOf = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.trim().split("\\s+");
            for (String event : List.of("ApplicationSubmitted", "BillingIssued", "HoldExtended", "BillingPaid",
                    "HoldConfirmed", "AppointmentScheduled")) {
                if (f.length > 7 && f[6].startsWith(event + ".")) {
                    traceOf.putIfAbsent(event, f[7]);
                }
            }
        }
        assertThat(traceOf).containsKeys("ApplicationSubmitted", "BillingIssued", "BillingPaid", "HoldConfirmed",
                "AppointmentScheduled");
        String trace = traceOf.get("ApplicationSubmitted");
        assertThat(trace).matches("[0-9a-f]{32}");
        assertThat(traceOf).as("one saga, one trace: from the submission to the appointment")
                .allSatisfy((event, t) -> assertThat(t).as(event).isEqualTo(trace));
    }
}
