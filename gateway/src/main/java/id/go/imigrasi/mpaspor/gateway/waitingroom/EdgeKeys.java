package id.go.imigrasi.mpaspor.gateway.waitingroom;

import java.util.Optional;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.platform.waitingroom.Signatures;

/**
 * The waiting room's keys at the edge, made one way for every class that uses them: quota-service's secret
 * ({@code MPASPOR_WAITING_ROOM_SECRET}), when one is configured. Without it the edge answers nothing of the waiting
 * room and every such request goes to quota-service.
 */
final class EdgeKeys {

    private EdgeKeys() {
    }

    /** The HMAC keys of the configured secret; empty when none (or a blank one) is configured. */
    static Optional<Signatures> of(GatewayConfig config) {
        return config.waitingRoom().secret().filter(secret -> !secret.isBlank()).map(Signatures::new);
    }
}
