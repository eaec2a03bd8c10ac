package id.go.imigrasi.mpaspor.platform.waitingroom;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The waiting room's signed tokens, checked without any database read: a <b>ticket</b> (release, account, position,
 * issued at, expires at; position 0 while the pre-queue is not yet shuffled) and a <b>hold pass</b> (release,
 * account, expires at). Each is {@code base64url(fields) + "." + base64url(HMAC-SHA256(fields))} with its own key
 * ({@link Signatures}); a token whose signature does not match, that has expired, or that is not of the account
 * presenting it is refused. quota-service issues both; the gateway reads tickets to answer position checks itself.
 */
public final class Tickets {

    /** The request header that carries a ticket (or the {@code ticket} query parameter). */
    public static final String HEADER = "Waiting-Room-Ticket";
    /** The header of a draw request ({@link #signDrawRequest}). */
    public static final String DRAW_HEADER = "Waiting-Room-Draw";

    public record Ticket(UUID releaseId, String accountId, long position, Instant issuedAt, Instant expiresAt) {
        public boolean preQueue() {
            return position == 0;
        }
    }

    public record Pass(UUID releaseId, String accountId, Instant expiresAt) {
    }

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Signatures signatures;

    public Tickets(Signatures signatures) {
        this.signatures = signatures;
    }

    public String sign(Ticket ticket) {
        return seal(Signatures.Purpose.TICKET, "t1|" + ticket.releaseId() + "|" + ticket.accountId() + "|"
                + ticket.position() + "|" + ticket.issuedAt().toEpochMilli() + "|" + ticket.expiresAt().toEpochMilli());
    }

    public String sign(Pass pass) {
        return seal(Signatures.Purpose.PASS, "p1|" + pass.releaseId() + "|" + pass.accountId() + "|"
                + pass.expiresAt().toEpochMilli());
    }

    /** The ticket if the signature is ours and it has not expired at {@code now}; empty otherwise. */
    public Optional<Ticket> ticket(String token, Instant now) {
        return open(Signatures.Purpose.TICKET, token).flatMap(fields -> {
            if (fields.length != 6 || !"t1".equals(fields[0])) {
                return Optional.empty();
            }
            Ticket ticket = new Ticket(UUID.fromString(fields[1]), fields[2], Long.parseLong(fields[3]),
                    Instant.ofEpochMilli(Long.parseLong(fields[4])), Instant.ofEpochMilli(Long.parseLong(fields[5])));
            return ticket.expiresAt().isAfter(now) ? Optional.of(ticket) : Optional.empty();
        });
    }

    /** The pass if the signature is ours and it has not expired at {@code now}; empty otherwise. */
    public Optional<Pass> pass(String token, Instant now) {
        return open(Signatures.Purpose.PASS, token).flatMap(fields -> {
            if (fields.length != 4 || !"p1".equals(fields[0])) {
                return Optional.empty();
            }
            Pass pass = new Pass(UUID.fromString(fields[1]), fields[2], Instant.ofEpochMilli(Long.parseLong(fields[3])));
            return pass.expiresAt().isAfter(now) ? Optional.of(pass) : Optional.empty();
        });
    }

    /**
     * A request for a room's draw (the pre-queue's order, {@code GET /releases/{id}/waiting-room/draw}), which only a
     * holder of the secret may read: the gateway, which swaps pre-queue tickets at the edge. Valid until
     * {@code expiresAt}, for that room only.
     */
    public String signDrawRequest(UUID releaseId, Instant expiresAt) {
        return seal(Signatures.Purpose.DRAW, "d1|" + releaseId + "|" + expiresAt.toEpochMilli());
    }

    /** Whether {@code token} is a draw request for {@code releaseId} signed with our secret, unexpired at {@code now}. */
    public boolean drawRequest(String token, UUID releaseId, Instant now) {
        return open(Signatures.Purpose.DRAW, token).filter(fields -> fields.length == 3 && "d1".equals(fields[0])
                && releaseId.toString().equals(fields[1])
                && Instant.ofEpochMilli(Long.parseLong(fields[2])).isAfter(now)).isPresent();
    }

    private String seal(Signatures.Purpose purpose, String fields) {
        return ENCODER.encodeToString(fields.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(signatures.sign(purpose, fields));
    }

    private Optional<String[]> open(Signatures.Purpose purpose, String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            String fields = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signatures.sign(purpose, fields), signature)) {
                return Optional.empty();
            }
            return Optional.of(fields.split("\\|", -1));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
