package id.go.imigrasi.mpaspor.gateway.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import id.go.imigrasi.mpaspor.gateway.support.TestConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The gateway's copies of a room and of its draw are read when a crowd asks for them at the same moment: the first
 * checks of a room on a release morning come from every event loop at once. Before, a check that found the copy
 * another thread had just made, before that thread had created the HTTP client, read with no client: the read failed
 * at once, was never counted, and left the copy "being read" for good, so the edge answered nothing all release
 * (load/README.md, 2026-12-06: no copy read in two full benchmarks).
 */
class RoomCopiesTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String SECRET = "test-only-waiting-room-secret-not-a-secret";

    private Vertx vertx;
    private int port;
    private final ExecutorService crowd = Executors.newFixedThreadPool(16);

    @BeforeEach
    void quotaService() {
        vertx = Vertx.vertx();
        port = vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            String id = path.split("/")[2];
            if (path.endsWith("/waiting-room/draw")) {
                request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                        .put("releaseId", id).put("accounts", new JsonArray().add("acc-1").add("acc-2")).encode());
                return;
            }
            Instant now = Instant.now();
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                    .put("releaseId", id).put("officeCode", "SBY").put("admittedUpTo", 1).put("queued", 2)
                    .put("placesLeft", 1).put("releaseAt", now.minusSeconds(60).toString())
                    .put("updatedAt", now.toString()).put("fromDate", "2026-12-14").put("toDate", "2026-12-18")
                    .put("opensAt", now.minusSeconds(600).toString())
                    .put("closesAt", now.plusSeconds(3600).toString())
                    .put("shuffledAt", now.minusSeconds(60).toString()).put("admitRatePerSecond", 1.0).encode());
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().join().actualPort();
    }

    @AfterEach
    void stop() {
        crowd.shutdownNow();
        vertx.close();
    }

    @Test
    void aCrowdAskingForANewRoomAtOnceGetsItReadAndSoDoesItsDraw() throws Exception {
        var config = TestConfig.gateway(Map.of("mpaspor.gateway.routes.quota", "http://127.0.0.1:" + port,
                "mpaspor.gateway.waiting-room.secret", SECRET));
        for (int round = 0; round < 10; round++) {
            RoomCopies rooms = new RoomCopies(vertx, JSON, config, new SimpleMeterRegistry());
            Draws draws = new Draws(vertx, JSON, config, new SimpleMeterRegistry());
            UUID release = UUID.randomUUID();
            CyclicBarrier together = new CyclicBarrier(16);
            List<Future<?>> asked = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                asked.add(crowd.submit(() -> {
                    together.await(5, TimeUnit.SECONDS);
                    rooms.fresh(release);
                    draws.position(release, "acc-2");
                    return null;
                }));
            }
            for (Future<?> one : asked) {
                one.get(10, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> rooms.fresh(release).isPresent());
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> draws.position(release, "acc-2").isPresent());
            assertThat(draws.position(release, "acc-2").getAsLong()).isEqualTo(2);
            assertThat(draws.position(release, "acc-3")).as("not in the draw").isEmpty();
            rooms.stop();
            draws.stop();
        }
    }
}
