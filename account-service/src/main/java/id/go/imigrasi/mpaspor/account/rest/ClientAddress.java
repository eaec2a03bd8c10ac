package id.go.imigrasi.mpaspor.account.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client an attempt comes from, for the lockout of (email, client): the peer's address, which Quarkus takes
 * from {@code X-Forwarded-For} only when the peer is a trusted proxy ({@code quarkus.http.proxy.*}: the gateway).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        String host = address == null ? null : address.hostAddress();
        if (host == null || host.isBlank()) {
            host = address == null ? null : address.host();
        }
        return host == null || host.isBlank() ? "unknown" : host.length() > 64 ? host.substring(0, 64) : host;
    }
}
