package id.go.imigrasi.mpaspor.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import id.go.imigrasi.mpaspor.platform.waitingroom.Signatures;
import id.go.imigrasi.mpaspor.platform.waitingroom.Tickets;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Six small HTTP servers standing in for the services (the gateway's tests need their HTTP behaviour, not
 * their business): each echoes what it received as JSON and serves a few special paths. The gateway's routes
 * point at them. Init args: {@code down}, services whose URL is a closed port instead; {@code hung}, services
 * that accept connections and requests but never answer;
 * {@code jwks-from-account}, verify tokens with the JWKS URL of (fake) account-service. The tests steer and read
 * the fakes over HTTP at {@code /_fake/...} on the fake's own port (no shared static state across class
 * loaders).
 * <ul>
 * <li>{@code /q/health/live}: UP, or 503 after {@code POST /_fake/health?up=false}</li>
 * <li>{@code GET /releases/{id}/waiting-room}: the room last set with {@code POST /_fake/room?id=} (the room's JSON;
 * the echo before), counted ({@code GET /_fake/rooms-read?id=}); 503 once {@code POST /_fake/room-unreadable?id=} (a
 * quota-service too busy to answer)</li>
 * <li>{@code GET /releases/{id}/waiting-room/draw}: the draw set with {@code POST /_fake/draw?id=}, to a request signed
 * with the test secret only (404 otherwise), counted ({@code GET /_fake/draws-read?id=}); the echo for a room with no
 * draw set</li>
 * <li>{@code /q/openapi}: a small document (account, with a request body, and application only; the others answer
 * 404)</li>
 * <li>{@code POST /uploads}: 201 with a {@code Location} on the fake's own origin ({@code ?relative=true}: a
 * relative one)</li>
 * <li>{@code PATCH /uploads/{id}}: counts the streamed bytes ({@code GET /_fake/received?id=}), answers 204 with
 * {@code Upload-Offset}</li>
 * <li>{@code GET /uploads/{id}/content?size=}: 1 MiB at once, the rest after {@code POST /_fake/release?id=}</li>
 * <li>any request with the header {@link #SHED}: 503 with {@code Retry-After: 2} (the service shed it)</li>
 * <li>{@code /applications/busy}: 429 with {@code Retry-After: 17}; {@code /bookings/shedding}: 503 with
 * {@code Retry-After: 9}; {@code /appointments/silent}, {@code /releases/silent}, {@code /applications/silent}: never answer;
 * {@code /applications/drop}: closes the connection without answering; {@code /applications/cut}: status line and part of the body, then closes the
 * connection (a service killed mid-answer); {@code /applications/stall}: status line and part of the body, then
 * silence</li>
 * </ul>
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    /** A request carrying this header is answered 503 with {@code Retry-After: 2}, whatever its path. */
    public static final String SHED = "X-Fake-Shed";
    public static final List<String> SERVICES = List.of("account", "application", "quota", "billing", "biometric",
            "upload");
    private static final int MIB = 1024 * 1024;
    /** What quota-service verifies a draw request with: the gateway's test secret. */
    private static final Tickets QUOTA_TICKETS = new Tickets(new Signatures("test-only-waiting-room-secret-not-a-secret"));

    private Vertx vertx;
    private Set<String> down = Set.of();
    private Set<String> hung = Set.of();
    private boolean jwksFromAccount;

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs.getOrDefault("down", "");
        down = value.isBlank() ? Set.of() : Set.of(value.split(","));
        String hanging = initArgs.getOrDefault("hung", "");
        hung = hanging.isBlank() ? Set.of() : Set.of(hanging.split(","));
        jwksFromAccount = Boolean.parseBoolean(initArgs.getOrDefault("jwks-from-account", "false"));
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            int port = down.contains(service) ? closedPort() : hung.contains(service) ? hungServer()
                    : new Fake(service).listen();
            config.put("mpaspor.gateway.routes." + service, "http://127.0.0.1:" + port);
        }
        if (jwksFromAccount) {
            // verification keys from account-service's JWKS URL, as in production
            config.put("mp.jwt.verify.publickey.location",
                    config.get("mpaspor.gateway.routes.account") + "/.well-known/jwks.json");
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** An HTTP server that accepts connections and reads requests but never answers one (a hung service). */
    private int hungServer() {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            // read and forget the body; no status line ever
            request.handler(chunk -> {
            });
        });
        return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS).join().actualPort();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class Fake {
        private final String service;
        private volatile boolean live = true;
        private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> chunks = new ConcurrentHashMap<>();
        private final Map<String, Promise<Void>> releases = new ConcurrentHashMap<>();
        private final Map<String, String> rooms = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> roomsRead = new ConcurrentHashMap<>();
        private final Map<String, String> draws = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> drawsRead = new ConcurrentHashMap<>();
        private final java.util.Set<String> unreadableRooms = ConcurrentHashMap.newKeySet();
        private int port;

        Fake(String service) {
            this.service = service;
        }

        int listen() {
            HttpServer server = vertx.createHttpServer().requestHandler(this::handle);
            port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS).join().actualPort();
            return port;
        }

        private Promise<Void> release(String id) {
            return releases.computeIfAbsent(id, k -> Promise.promise());
        }

        private void handle(HttpServerRequest request) {
            String path = request.path();
            if (path.startsWith("/_fake/")) {
                control(request);
            } else if (path.equals("/q/health/live")) {
                request.response().setStatusCode(live ? 200 : 503).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("status", live ? "UP" : "DOWN").encode());
            } else if (path.equals("/q/openapi")) {
                openApi(request);
            } else if (request.getHeader(SHED) != null) {
                // the service's own admission refused it, as account-service's hashing pool does at the peak
                request.response().setStatusCode(503).putHeader("Retry-After", "2")
                        .putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("status", 503).put("from", service).encode());
            } else if (path.equals("/uploads") && request.method().name().equals("POST")) {
                String id = "u" + System.nanoTime();
                String location = "true".equals(request.getParam("relative")) ? "/uploads/" + id
                        : "http://127.0.0.1:" + port + "/uploads/" + id;
                request.response().setStatusCode(201).putHeader("Location", location)
                        .putHeader("Tus-Resumable", "1.0.0").putHeader("Upload-Offset", "0").end();
            } else if (path.startsWith("/uploads/") && request.method().name().equals("PATCH")) {
                String id = path.substring("/uploads/".length());
                AtomicLong count = received.computeIfAbsent(id, k -> new AtomicLong());
                AtomicInteger parts = chunks.computeIfAbsent(id, k -> new AtomicInteger());
                request.handler(chunk -> {
                    count.addAndGet(chunk.length());
                    parts.incrementAndGet();
                });
                request.endHandler(v -> request.response().setStatusCode(204)
                        .putHeader("Upload-Offset", String.valueOf(count.get()))
                        .putHeader("Tus-Resumable", "1.0.0")
                        .putHeader("X-Seen-Upload-Checksum", String.valueOf(request.getHeader("Upload-Checksum")))
                        .end());
            } else if (path.startsWith("/uploads/") && path.endsWith("/content")) {
                String id = path.substring("/uploads/".length(), path.length() - "/content".length());
                long size = Long.parseLong(request.getParam("size"));
                var response = request.response().putHeader("Content-Type", "application/octet-stream")
                        .putHeader("Content-Length", String.valueOf(size));
                response.write(Buffer.buffer(new byte[MIB]));
                release(id).future().onComplete(v -> {
                    long left = size - MIB;
                    while (left > 0) {
                        int n = (int) Math.min(MIB, left);
                        response.write(Buffer.buffer(new byte[n]));
                        left -= n;
                    }
                    response.end();
                });
            } else if (path.startsWith("/releases/") && path.endsWith("/waiting-room/draw")
                    && draws.containsKey(path.substring("/releases/".length(), path.length() - "/waiting-room/draw".length()))) {
                // quota-service's draw: to a request signed with the test secret only, as quota-service answers it
                String id = path.substring("/releases/".length(), path.length() - "/waiting-room/draw".length());
                drawsRead.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                if (QUOTA_TICKETS.drawRequest(request.getHeader(Tickets.DRAW_HEADER), java.util.UUID.fromString(id),
                        java.time.Instant.now())) {
                    request.response().putHeader("Content-Type", "application/json").end(draws.get(id));
                } else {
                    request.response().setStatusCode(404).end();
                }
            } else if (path.startsWith("/releases/") && path.endsWith("/waiting-room")
                    && request.method().name().equals("GET")) {
                String id = path.substring("/releases/".length(), path.length() - "/waiting-room".length());
                roomsRead.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                String room = rooms.get(id);
                if (unreadableRooms.contains(id)) {
                    request.response().setStatusCode(503).putHeader("Retry-After", "1").end();
                } else if (room == null) {
                    echo(request);
                } else {
                    request.response().putHeader("Content-Type", "application/json").end(room);
                }
            } else if (path.endsWith("/waiting-room/events")) {
                // Server-Sent Events as quota-service pushes a position: one event a second, n events, then the end
                int events = Integer.parseInt(request.getParam("n"));
                var response = request.response().putHeader("Content-Type", "text/event-stream").setChunked(true);
                response.write("data: {\"event\":1}\n\n");
                AtomicInteger sent = new AtomicInteger(1);
                vertx.setPeriodic(1000, timer -> {
                    int n = sent.incrementAndGet();
                    response.write("data: {\"event\":" + n + "}\n\n");
                    if (n >= events) {
                        vertx.cancelTimer(timer);
                        response.end();
                    }
                });
            } else if (path.equals("/applications/busy")) {
                request.response().setStatusCode(429).putHeader("Retry-After", "17")
                        .putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("status", 429).put("from", service).encode());
            } else if (path.equals("/bookings/shedding")) {
                request.response().setStatusCode(503).putHeader("Retry-After", "9")
                        .putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("status", 503).put("from", service).encode());
            } else if (path.equals("/applications/drop")) {
                // the service goes away mid-request: the connection closes before any status line
                request.connection().close();
            } else if (path.equals("/applications/cut")) {
                // the service is killed mid-answer: status line and part of the body, then the connection is gone
                var response = request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .putHeader("Content-Length", "100");
                response.write("{\"partial\":").onComplete(written -> vertx.setTimer(50,
                        t -> request.connection().close()));
            } else if (path.equals("/applications/stall")) {
                // the service hangs mid-answer: status line and part of the body, then nothing, connection open
                request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .putHeader("Content-Length", "100").write("{\"partial\":");
            } else if (path.equals("/appointments/silent") || path.equals("/releases/silent")
                    || path.equals("/applications/silent")) {
                // never answers: the gateway's response timeout must
            } else {
                echo(request);
            }
        }

        private void echo(HttpServerRequest request) {
            request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
                request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .putHeader("Upload-Offset", "42").putHeader("Tus-Resumable", "1.0.0")
                        .end(new JsonObject().put("service", service).put("method", request.method().name())
                                .put("path", request.path()).put("query", request.query())
                                .put("version", request.version().name())
                                .put("headers", headers).put("bodyBytes", body.length()).encode());
            });
        }

        private void control(HttpServerRequest request) {
            String id = request.getParam("id");
            switch (request.path()) {
                case "/_fake/health" -> {
                    live = !"false".equals(request.getParam("up"));
                    request.response().end();
                }
                case "/_fake/received" -> request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject()
                                .put("bytes", received.getOrDefault(id, new AtomicLong()).get())
                                .put("chunks", chunks.getOrDefault(id, new AtomicInteger()).get()).encode());
                case "/_fake/room" -> request.body().onSuccess(body -> {
                    rooms.put(id, body.toString());
                    request.response().end();
                });
                case "/_fake/draw" -> request.body().onSuccess(body -> {
                    draws.put(id, body.toString());
                    request.response().end();
                });
                case "/_fake/draws-read" -> request.response()
                        .end(String.valueOf(drawsRead.getOrDefault(id, new AtomicInteger()).get()));
                case "/_fake/room-unreadable" -> {
                    unreadableRooms.add(id);
                    request.response().end();
                }
                case "/_fake/rooms-read" -> request.response()
                        .end(String.valueOf(roomsRead.getOrDefault(id, new AtomicInteger()).get()));
                case "/_fake/release" -> {
                    release(id).tryComplete();
                    request.response().end();
                }
                default -> request.response().setStatusCode(404).end();
            }
        }

        private void openApi(HttpServerRequest request) {
            if (!service.equals("account") && !service.equals("application")) {
                request.response().setStatusCode(404).end();
                return;
            }
            String own = service.equals("account") ? "/accounts" : "/applications/{id}";
            JsonObject problem = new JsonObject().put("type", "object").put("properties",
                    new JsonObject().put(service + "Field", new JsonObject().put("type", "string")));
            JsonObject operation = new JsonObject().put("operationId", "create").put("tags",
                    new JsonArray().add(service)).put("responses", new JsonObject().put("400",
                            new JsonObject().put("description", "bad").put("content", new JsonObject()
                                    .put("application/problem+json", new JsonObject().put("schema",
                                            new JsonObject().put("$ref", "#/components/schemas/Problem")))))
                            .put("200", new JsonObject().put("description", "ok").put("content",
                                    new JsonObject().put("application/json", new JsonObject().put("schema",
                                            new JsonObject().put("$ref", "#/components/schemas/Shared")))))
                            .put("201", new JsonObject().put("description", "created").put("content",
                                    new JsonObject().put("application/json", new JsonObject().put("schema",
                                            new JsonObject().put("$ref", "#/components/schemas/Created"))))));
            if (service.equals("account")) {
                operation.put("requestBody", new JsonObject().put("content", new JsonObject().put("application/json",
                        new JsonObject().put("schema", new JsonObject().put("$ref", "#/components/schemas/Shared")))));
            }
            JsonObject document = new JsonObject().put("openapi", "3.1.0")
                    .put("info", new JsonObject().put("title", service + "-service").put("version", "1"))
                    .put("paths", new JsonObject()
                            .put(own, new JsonObject().put("post", operation))
                            .put("/q/health", new JsonObject().put("get", new JsonObject()
                                    .put("responses", new JsonObject()))))
                    .put("components", new JsonObject().put("schemas", new JsonObject()
                            .put("Problem", problem)
                            .put("Created", problem.copy())
                            .put("Shared", new JsonObject().put("type", "string"))))
                    .put("tags", new JsonArray().add(new JsonObject().put("name", service)));
            request.response().putHeader("Content-Type", "application/json").end(document.encode());
        }
    }
}
