package id.go.imigrasi.mpaspor.quota;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A lost database connection (the server terminated the backend, as on a failover or when an operator kills
 * sessions) never reaches a client as 500: a read is retried once on a fresh connection, anything else answers
 * 503 with Retry-After.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class DatabaseLossTest {

    /** The service's pooled connections (Vert.x, Hibernate Reactive); the JDBC ones (relay, Flyway) stay. */
    private static int terminateServiceBackends() {
        return ((Number) Quota.value("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                + "AND application_name <> 'PostgreSQL JDBC Driver'")).intValue();
    }

    @Test
    void terminatedBackendsNeverAnswer500() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<Response> answers = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            running.add(clients.submit(() -> {
                while (!stop.get()) {
                    answers.add(given().when().get("/offices").andReturn());
                    done.incrementAndGet();
                }
            }));
        }
        int terminated = 0;
        for (int round = 0; round < 15; round++) {
            terminated += terminateServiceBackends();
            int before = done.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> done.get() >= before + 6);
        }
        stop.set(true);
        for (Future<?> f : running) {
            f.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();

        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Response r : answers) {
            byStatus.merge(r.statusCode(), 1, Integer::sum);
        }
        System.out.printf("database loss: %d backends terminated over 15 rounds, %d reads answered %s%n", terminated,
                answers.size(), byStatus);
        assertThat(terminated).isPositive();
        assertThat(byStatus).doesNotContainKey(500);
        assertThat(answers).filteredOn(r -> r.statusCode() == 503)
                .allSatisfy(r -> assertThat(r.header("Retry-After")).isNotNull());
        assertThat(byStatus.keySet()).allMatch(s -> s == 200 || s == 503);
    }
}
