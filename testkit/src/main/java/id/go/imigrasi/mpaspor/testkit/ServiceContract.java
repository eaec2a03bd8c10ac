package id.go.imigrasi.mpaspor.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * What every M-Paspor application promises ops and integrators, whatever its business: health with real
 * dependency checks, OpenAPI, Prometheus metrics, problem+json for unknown paths, and (for services with a
 * database) the platform's migrations. A module's test extends this and is annotated {@code @QuarkusTest}.
 */
public abstract class ServiceContract {

    /** {@code quota-service}: the application name, the OpenAPI title carries it. */
    protected abstract String applicationName();

    /** The gateway has neither; the five services have both. */
    protected boolean hasDatabaseAndKafka() {
        return true;
    }

    /**
     * Where a management path ({@code /q/health/ready}, {@code /q/metrics}) is served: the main port by default; a
     * service with a management interface (the gateway) answers its full URL there.
     */
    protected String managementUrl(String path) {
        return path;
    }

    /** Where the service's own OpenAPI document is. */
    protected String openApiUrl() {
        return "/q/openapi";
    }

    @Test
    void readinessIsUpAndChecksTheRealDependencies() {
        var checks = given().when().get(managementUrl("/q/health/ready"))
                .then().statusCode(200).body("status", equalTo("UP"))
                .extract().jsonPath().<String>getList("checks.name");
        if (hasDatabaseAndKafka()) {
            assertThat(checks).anyMatch(name -> name.toLowerCase().contains("postgresql")
                    || name.toLowerCase().contains("database"));
            assertThat(checks).anyMatch(name -> name.toLowerCase().contains("kafka"));
        }
    }

    @Test
    void livenessIsUp() {
        given().when().get(managementUrl("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiDescribesTheService() {
        given().queryParam("format", "json").when().get(openApiUrl())
                .then().statusCode(200).body("openapi", startsWith("3."))
                .body("info.title", containsString(applicationName()));
    }

    @Test
    void prometheusMetricsArePublished() {
        String metrics = given().when().get(managementUrl("/q/metrics")).then().statusCode(200).extract().asString();
        assertThat(metrics).contains("jvm_memory_used_bytes");
        if (hasDatabaseAndKafka()) {
            assertThat(metrics).contains("mpaspor_outbox_pending").contains("mpaspor_outbox_lag_seconds");
        }
    }

    @Test
    void unknownPathAnswersProblemJsonInTheAskedLanguage() {
        given().header("Accept-Language", "en").when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404));
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Tidak ditemukan"));
    }

    @Test
    void platformMigrationsAreApplied() throws Exception {
        if (!hasDatabaseAndKafka()) {
            return;
        }
        List<String> applied = new ArrayList<>();
        try (Connection c = RealInfrastructure.database().connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM flyway_schema_history WHERE success")) {
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        }
        assertThat(applied).contains("0.1", "0.2");
    }

    /** The tokens the bad-input fuzz tries, in order, until an endpoint lets one through its role check. */
    protected List<String> fuzzTokens() {
        return List.of(TestJwt.applicant(java.util.UUID.randomUUID().toString()),
                TestJwt.officer(java.util.UUID.randomUUID().toString(), "JKT"),
                TestJwt.admin(java.util.UUID.randomUUID().toString()));
    }

    /** Values for path parameters by name ({@code channel} -> a configured payment channel); others get a UUID. */
    protected Map<String, String> fuzzPathValues() {
        return Map.of();
    }

    /** Headers a request needs beyond its token to be read at all (a payment channel's signature); none by default. */
    protected BadInputFuzz.Signer fuzzSigner() {
        return BadInputFuzz.Signer.NONE;
    }

    /**
     * Bad input never answers 5xx: every POST/PUT/PATCH endpoint with a JSON body in the OpenAPI document gets the
     * {@link BadInputFuzz} cases, every path parameter NUL; each answer is below 500 and each 4xx is problem+json.
     * And the body was really parsed: what cannot be JSON (duplicate keys, trailing garbage, not JSON) answers 400
     * (or 413/415), not an earlier 401/403/404 that would leave the parser untried.
     */
    @Test
    void badInputNeverAnswers5xxAndAlwaysProblemJson() throws Exception {
        if (!hasDatabaseAndKafka()) {
            return; // the gateway's OpenAPI is the services' (the gateway has its own edge tests)
        }
        BadInputFuzz.Report report = new BadInputFuzz(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port),
                fuzzTokens(), fuzzPathValues(), fuzzSigner()).run();
        System.out.print(report.summary(applicationName()));
        assertThat(report.outcomes()).isNotEmpty();
        assertThat(report.failures()).as("answers that are 5xx or 4xx without problem+json").isEmpty();
        assertThat(report.parserNotReached()).as("unparseable bodies refused before they were parsed").isEmpty();
    }

    /**
     * A read and a write whose database connection is lost under them ({@link LostConnection}): the read answers as
     * it would have (retried once on a fresh connection), the write 503 problem+json with {@code Retry-After}.
     */
    public record LostConnectionProbe(String readTable, Supplier<Response> read, String writeTable,
            Supplier<Response> write) {
    }

    /** The service's probe; empty for the gateway (no database). */
    protected Optional<LostConnectionProbe> lostConnectionProbe() {
        return Optional.empty();
    }

    @Test
    void aLostConnectionRetriesTheReadAndAnswersTheWrite503WithRetryAfter() throws Exception {
        Optional<LostConnectionProbe> probe = lostConnectionProbe();
        if (!hasDatabaseAndKafka() || probe.isEmpty()) {
            return;
        }
        // the first read of a fresh application may be slow on a loaded machine (class loading, HQL parsing): it is
        // the baseline and the warm-up of the code path, tried again when it ran into the client's timeout
        Response baseline = null;
        for (int attempt = 1; baseline == null; attempt++) {
            try {
                baseline = probe.get().read().get();
            } catch (Exception slow) {
                if (attempt == 3) {
                    throw slow;
                }
            }
        }
        assertThat(baseline.statusCode()).as("the read without a fault").isLessThan(500);
        Response read = LostConnection.during(probe.get().readTable(), probe.get().read());
        assertThat(read.statusCode()).as("the read whose connection was lost: " + read.asString())
                .isEqualTo(baseline.statusCode());
        Response write = LostConnection.during(probe.get().writeTable(), probe.get().write());
        assertThat(write.statusCode()).as("the write whose connection was lost: " + write.asString()).isEqualTo(503);
        assertThat(write.contentType()).startsWith("application/problem+json");
        assertThat(write.header("Retry-After")).isNotBlank();
    }

    /** Read endpoints of this service left without the retry on purpose (class names), with the reason in a comment. */
    protected Set<String> readsWithoutRetry() {
        return Set.of();
    }

    /**
     * Every GET/HEAD resource method of the service is retried once on a lost connection: its resource class (or the
     * method) carries the platform's {@code @IdempotentReads}. One shared mechanism, none left out by oversight.
     */
    @Test
    void everyReadEndpointRetriesALostConnection() {
        if (!hasDatabaseAndKafka()) {
            return;
        }
        Set<String> uncovered = new TreeSet<>();
        int reads = 0;
        for (Bean<?> bean : CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (!type.getName().startsWith("id.go.imigrasi.mpaspor.") || type.getName().contains(".platform.")
                    || !has(type.getAnnotations(), "jakarta.ws.rs.Path") || readsWithoutRetry().contains(type.getName())
                    || isRestClient(type)) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (!isRead(method)) {
                    continue;
                }
                reads++;
                if (!has(type.getAnnotations(), IDEMPOTENT_READS) && !has(method.getAnnotations(), IDEMPOTENT_READS)) {
                    uncovered.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(reads).as("read endpoints found").isPositive();
        assertThat(uncovered).as("GET/HEAD methods without @IdempotentReads").isEmpty();
    }

    private static final String IDEMPOTENT_READS = "id.go.imigrasi.mpaspor.platform.problem.IdempotentReads";

    /** GET or HEAD, on the method or on the interface method it implements (by name: no JAX-RS API here). */
    private static boolean isRead(Method method) {
        if (has(method.getAnnotations(), "jakarta.ws.rs.GET") || has(method.getAnnotations(), "jakarta.ws.rs.HEAD")) {
            return true;
        }
        for (Class<?> api : method.getDeclaringClass().getInterfaces()) {
            try {
                Method declared = api.getMethod(method.getName(), method.getParameterTypes());
                if (has(declared.getAnnotations(), "jakarta.ws.rs.GET") || has(declared.getAnnotations(), "jakarta.ws.rs.HEAD")) {
                    return true;
                }
            } catch (NoSuchMethodException notThere) {
                // next
            }
        }
        return false;
    }

    /** A REST client (its generated bean carries the interface's @Path): a caller of reads, not an endpoint. */
    private static boolean isRestClient(Class<?> type) {
        if (type.isInterface() || type.getName().contains("$$")) {
            return true;
        }
        for (Class<?> api : type.getInterfaces()) {
            if (has(api.getAnnotations(), "org.eclipse.microprofile.rest.client.inject.RegisterRestClient")) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(Annotation[] annotations, String type) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(type)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void requestIdIsEchoed() {
        given().header("X-Request-Id", "req-123").when().get("/api/v1/no-such-thing")
                .then().header("X-Request-Id", "req-123").body("requestId", equalTo("req-123"));
        given().when().get("/api/v1/no-such-thing").then().header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
    }
}
