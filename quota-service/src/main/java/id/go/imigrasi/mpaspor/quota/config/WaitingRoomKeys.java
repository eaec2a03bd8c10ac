package id.go.imigrasi.mpaspor.quota.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.platform.waitingroom.ProofOfWork;
import id.go.imigrasi.mpaspor.platform.waitingroom.Signatures;
import id.go.imigrasi.mpaspor.platform.waitingroom.Tickets;

/**
 * The waiting room's signatures, tokens and proof-of-work (platform {@code waitingroom}, shared with the gateway, which
 * verifies the tickets this service signs and issues challenges this service verifies) made from this service's
 * secret, {@code mpaspor.quota.waiting-room.secret}.
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

    @Produces
    @Singleton
    ProofOfWork proofOfWork(Signatures signatures, QuotaConfig config, Clock clock, ObjectMapper json) {
        return new ProofOfWork(signatures, config.waitingRoom().powMaxNumber(), config.waitingRoom().powLifetime(),
                clock, json);
    }
}
