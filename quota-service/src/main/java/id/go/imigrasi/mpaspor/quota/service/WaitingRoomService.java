package id.go.imigrasi.mpaspor.quota.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.config.QuotaConfig;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.repository.WaitingRoomRepository;
import id.go.imigrasi.mpaspor.quota.repository.WaitingRoomRepository.Room;
import id.go.imigrasi.mpaspor.platform.waitingroom.Positions;
import id.go.imigrasi.mpaspor.platform.waitingroom.ProofOfWork;
import id.go.imigrasi.mpaspor.platform.waitingroom.Tickets;
import id.go.imigrasi.mpaspor.platform.waitingroom.WaitingRoomStatus;
import io.smallrye.mutiny.Uni;

/**
 * The waiting room as a person meets it: a proof-of-work challenge, joining (one place per account and release; joining
 * again returns the same place), checking the position with the signed ticket (no database read: the signature and
 * the shared "admitted up to N" of {@link WaitingRooms}; one read only to swap a pre-queue ticket for its shuffled
 * position), the hold pass of an admitted ticket, and the gate {@code POST /holds} passes during a release's window.
 * Shuffling, admission and sold-out are the leader's ({@link WaitingRoomAdmission}).
 */
@ApplicationScoped
public class WaitingRoomService {

    /** A hold pass: present it as the {@code Hold-Pass} header of {@code POST /holds} before {@code expiresAt}. */
    public record HoldPass(UUID releaseId, String pass, Instant expiresAt) {
    }

    private final WaitingRooms rooms;
    private final WaitingRoomRepository repository;
    private final Tickets tickets;
    private final ProofOfWork proofOfWork;
    private final QuotaConfig.WaitingRoom policy;
    private final Clock clock;

    public WaitingRoomService(WaitingRooms rooms, WaitingRoomRepository repository, Tickets tickets,
            ProofOfWork proofOfWork, QuotaConfig config, Clock clock) {
        this.rooms = rooms;
        this.repository = repository;
        this.tickets = tickets;
        this.proofOfWork = proofOfWork;
        this.policy = config.waitingRoom();
        this.clock = clock;
    }

    /** The room as anyone may see it (no position). */
    public WaitingRoomStatus room(UUID releaseId) {
        Room room = room(releaseId, clock.instant());
        return status(room, null, null, clock.instant());
    }

    /** The waiting rooms of an office (open, upcoming, or closed within the hour), by release time, from memory. */
    public java.util.List<WaitingRoomStatus> roomsOf(String officeCode) {
        Instant now = clock.instant();
        return rooms.ofOffice(officeCode).stream().map(room -> status(room, null, null, now)).toList();
    }

    /** A proof-of-work challenge for the account (ALTCHA). */
    public ProofOfWork.Challenge challenge(String accountId, UUID releaseId) {
        room(releaseId, clock.instant());
        return proofOfWork.challenge(accountId);
    }

    /** Joins (or finds the account's place again): the answer carries the signed ticket. */
    public Uni<WaitingRoomStatus> join(String accountId, UUID releaseId, String altcha) {
        Instant now = clock.instant();
        Room room = room(releaseId, now);
        if (now.isBefore(room.opensAt())) {
            throw ProblemException.of(QuotaProblem.WAITING_ROOM_NOT_OPEN, room.opensAt().toString());
        }
        requireOngoing(room, now);
        if (!proofOfWork.verify(altcha, accountId)) {
            throw ProblemException.invalid("altcha", "quota.pow-invalid");
        }
        return repository.join(releaseId, accountId, now.truncatedTo(ChronoUnit.MICROS))
                .map(entry -> {
                    long position = entry.position() == null ? 0 : entry.position();
                    String ticket = tickets.sign(new Tickets.Ticket(releaseId, accountId, position, now,
                            room.closesAt()));
                    return status(rooms.room(releaseId).orElse(room), ticket, position, clock.instant());
                });
    }

    /**
     * The position of a ticket, from the signature and the shared admission number. A pre-queue ticket is swapped
     * (one read) for one with its position once the room is shuffled.
     */
    public Uni<WaitingRoomStatus> check(UUID releaseId, String token) {
        Instant now = clock.instant();
        Tickets.Ticket ticket = ticket(releaseId, token, now);
        Room room = room(releaseId, now);
        if (ticket.preQueue() && room.shuffledAt() != null && room.soldOutAt() == null && now.isBefore(room.closesAt())) {
            return repository.entryOf(releaseId, ticket.accountId()).map(entry -> {
                if (entry == null || entry.position() == null) {
                    return status(room, token, 0L, now);
                }
                String placed = tickets.sign(new Tickets.Ticket(releaseId, ticket.accountId(), entry.position(), now,
                        ticket.expiresAt()));
                return status(room, placed, entry.position(), now);
            });
        }
        return Uni.createFrom().item(status(room, token, ticket.position(), now));
    }

    /**
     * The pre-queue's order once it is drawn (accounts by position, from 1), for a gateway that swaps pre-queue
     * tickets at the edge: only for a draw request signed with the waiting room's secret ({@link Tickets#drawRequest});
     * anything else, an unknown room or one not yet shuffled, is answered as no room (404), so the endpoint says
     * nothing to anyone without the secret. Holding the secret, one can sign tickets anyway.
     */
    public Uni<java.util.List<String>> draw(UUID releaseId, String request) {
        if (!tickets.drawRequest(request, releaseId, clock.instant())) {
            throw ProblemException.of(QuotaProblem.WAITING_ROOM_NOT_FOUND);
        }
        return repository.draw(releaseId).map(order -> {
            if (order == null) {
                throw ProblemException.of(QuotaProblem.WAITING_ROOM_NOT_FOUND);
            }
            return order;
        });
    }

    /** The status from memory only (the Server-Sent Events stream): a pre-queue ticket stays as it is. */
    public WaitingRoomStatus peek(UUID releaseId, Tickets.Ticket ticket, String token) {
        Instant now = clock.instant();
        return status(room(releaseId, now), token, ticket.position(), now);
    }

    /** Verifies a ticket of this release (forged, expired or another release's: 403). */
    public Tickets.Ticket ticket(UUID releaseId, String token, Instant now) {
        Tickets.Ticket ticket = tickets.ticket(token, now)
                .orElseThrow(() -> ProblemException.of(QuotaProblem.TICKET_INVALID));
        if (!ticket.releaseId().equals(releaseId)) {
            throw ProblemException.of(QuotaProblem.TICKET_INVALID);
        }
        return ticket;
    }

    /** An admitted ticket of the caller's own becomes a short-lived hold pass. */
    public HoldPass pass(String accountId, UUID releaseId, String token) {
        Instant now = clock.instant();
        Tickets.Ticket ticket = ticket(releaseId, token, now);
        if (!ticket.accountId().equals(accountId)) {
            throw ProblemException.of(QuotaProblem.TICKET_NOT_YOURS);
        }
        Room room = room(releaseId, now);
        requireOngoing(room, now);
        if (ticket.preQueue() || ticket.position() > room.admittedUpTo()) {
            WaitingRoomStatus status = status(room, token, ticket.position(), now);
            throw ProblemException.retryLater(QuotaProblem.NOT_YOUR_TURN,
                    Duration.ofSeconds(status.retryAfterSeconds() == null ? 1 : status.retryAfterSeconds()));
        }
        Instant expires = now.plus(policy.passLifetime());
        if (expires.isAfter(room.closesAt())) {
            expires = room.closesAt();
        }
        return new HoldPass(releaseId, tickets.sign(new Tickets.Pass(releaseId, accountId, expires)), expires);
    }

    /**
     * The gate of {@code POST /holds}: during a release's window (from {@code releaseAt} until its window ends or it
     * sells out) a hold on its dates needs a valid hold pass of the caller for that release; otherwise 403
     * {@code hold-pass-required} with the waiting room's address. Outside the window nothing is asked.
     */
    public void requirePass(String accountId, String office, LocalDate date, String passToken) {
        Instant now = clock.instant();
        rooms.passRequired(office, date, now).ifPresent(room -> {
            boolean valid = tickets.pass(passToken, now)
                    .filter(pass -> pass.releaseId().equals(room.releaseId()) && pass.accountId().equals(accountId))
                    .isPresent();
            if (!valid) {
                throw ProblemException.of(QuotaProblem.HOLD_PASS_REQUIRED,
                        "/api/v1/releases/" + room.releaseId() + "/waiting-room");
            }
        });
    }

    private Room room(UUID releaseId, Instant now) {
        return rooms.room(releaseId).orElseThrow(() -> ProblemException.of(QuotaProblem.WAITING_ROOM_NOT_FOUND));
    }

    private static void requireOngoing(Room room, Instant now) {
        if (room.soldOutAt() != null) {
            throw ProblemException.of(QuotaProblem.RELEASE_SOLD_OUT,
                    room.nextReleaseAt() == null ? "-" : room.nextReleaseAt().toString());
        }
        if (!now.isBefore(room.closesAt())) {
            throw ProblemException.of(QuotaProblem.WAITING_ROOM_CLOSED);
        }
    }

    /** The person's view of the room (position null: the room only): the shared rule, {@link Positions}. */
    static WaitingRoomStatus status(Room room, String ticket, Long position, Instant now) {
        return Positions.status(view(room), ticket, position, now);
    }

    /** The room's shared numbers as the status record carries them (no person in it yet). */
    static WaitingRoomStatus view(Room room) {
        return new WaitingRoomStatus(room.releaseId(), room.officeCode(), null, null, null, null, room.admittedUpTo(),
                room.lastPosition(), null, room.placesLeft(), room.releaseAt(), room.nextReleaseAt(), room.updatedAt(),
                null, room.fromDate(), room.toDate(), room.opensAt(), room.closesAt(), room.shuffledAt(),
                room.soldOutAt(), room.admitRate());
    }
}
