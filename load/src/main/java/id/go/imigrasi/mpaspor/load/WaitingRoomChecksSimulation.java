package id.go.imigrasi.mpaspor.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * How many position checks per second the machine sustains: {@code wr.check-users} clients check the tickets of the
 * waiting-room run back to back for {@code wr.check-seconds} (closed model), first straight at quota-service
 * ({@code wr-check-blast}), then at the gateway, which answers them itself ({@code wr-check-edge}; each check from
 * another client address, as many phones are, since one address is rate-limited). Recorded as
 * {@code waiting-room-checks.csv}.
 */
public class WaitingRoomChecksSimulation extends Simulation {

    private static final BenchConfig CONFIG = BenchConfig.load();
    private static final Recorder RECORDER = new Recorder();

    {
        String quota = CONFIG.string("quota.direct-url", "http://127.0.0.1:8083");
        String gateway = CONFIG.string("quota.url", "http://127.0.0.1:8080/api/v1");
        String release = CONFIG.string("wr.release", "");
        int users = CONFIG.integer("wr.check-users", 32);
        int seconds = CONFIG.integer("wr.check-seconds", 10);
        List<String> tickets;
        try {
            tickets = Files.readAllLines(CONFIG.resultsDir().resolve("waiting-room-tickets.txt"));
        } catch (IOException e) {
            tickets = List.of();
        }
        List<String> pool = tickets.isEmpty() ? List.of("none") : tickets;
        var feeder = IntStream.iterate(0, i -> i + 1).<Map<String, Object>>mapToObj(i -> Map.of("ticket",
                pool.get(i % pool.size()), Journeys.CLIENT_IP, Journeys.clientIp(i))).iterator();
        ScenarioBuilder checks = scenario("position checks").feed(feeder)
                .during(Duration.ofSeconds(seconds)).on(exec(Recorder::arm)
                        .exec(http("wr-check-blast").get(quota + "/releases/" + release + "/waiting-room/position")
                                .header("Waiting-Room-Ticket", "#{ticket}")
                                .check(status().saveAs(Recorder.STATUS), responseTimeInMillis().saveAs(Recorder.MILLIS)))
                        .exec(s -> RECORDER.record("wr-check-blast", s)));
        List<String> ticketPool = pool;
        var phones = IntStream.iterate(0, i -> i + 1).<Map<String, Object>>mapToObj(i -> Map.of("ticket",
                ticketPool.get(i % ticketPool.size()), Journeys.CLIENT_IP, Journeys.clientIp(i))).iterator();
        ScenarioBuilder atTheEdge = scenario("position checks at the edge")
                .during(Duration.ofSeconds(seconds)).on(feed(phones).exec(Recorder::arm)
                        .exec(http("wr-check-edge").get(gateway + "/releases/" + release + "/waiting-room/position")
                                .header("Waiting-Room-Ticket", "#{ticket}")
                                .check(status().saveAs(Recorder.STATUS), responseTimeInMillis().saveAs(Recorder.MILLIS)))
                        .exec(s -> RECORDER.record("wr-check-edge", s)));
        setUp(checks.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(seconds)))
                .andThen(atTheEdge.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(seconds)))))
                .protocols(Journeys.protocol(CONFIG).shareConnections());
    }

    @Override
    public void after() {
        RECORDER.write(CONFIG.resultsDir(), "waiting-room-checks");
        System.out.println("LOAD waiting-room-checks: " + RECORDER.size() + " answers recorded");
    }
}
