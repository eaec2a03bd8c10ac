package id.go.imigrasi.mpaspor.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

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

    /**
     * Bad input never answers 5xx: every POST/PUT/PATCH endpoint with a JSON body in the OpenAPI document gets the
     * {@link BadInputFuzz} cases, every path parameter NUL; each answer is below 500 and each 4xx is problem+json.
     */
    @Test
    void badInputNeverAnswers5xxAndAlwaysProblemJson() throws Exception {
        if (!hasDatabaseAndKafka()) {
            return; // the gateway's OpenAPI is the services' (the gateway has its own edge tests)
        }
        BadInputFuzz.Report report = new BadInputFuzz(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port),
                fuzzTokens()).run();
        System.out.print(report.summary(applicationName()));
        assertThat(report.outcomes()).isNotEmpty();
        assertThat(report.failures()).as("answers that are 5xx or 4xx without problem+json").isEmpty();
    }

    @Test
    void requestIdIsEchoed() {
        given().header("X-Request-Id", "req-123").when().get("/api/v1/no-such-thing")
                .then().header("X-Request-Id", "req-123").body("requestId", equalTo("req-123"));
        given().when().get("/api/v1/no-such-thing").then().header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
    }
}
