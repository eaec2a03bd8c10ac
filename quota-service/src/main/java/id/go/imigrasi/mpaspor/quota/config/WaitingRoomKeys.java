package id.go.imigrasi.mpaspor.quota.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import id.go.imigrasi.mpaspor.platform.waitingroom.Signatures;
import id.go.imigrasi.mpaspor.platform.waitingroom.Tickets;

/**
 * The waiting room's signatures and tokens (platform {@code waitingroom}, shared with the gateway, which verifies the
 * tickets this service signs) made from this service's secret, {@code mpaspor.quota.waiting-room.secret}.
 */
public class WaitingRoomKeys {

    @Produces
    @Singleton
    Signatures signatures(QuotaConfig config) {
        return new Signatures(config.waitingRoom().secret());
    }

    @Produces
    @Singleton
    Tickets tickets(Signatures signatures) {
        return new Tickets(signatures);
    }
}
