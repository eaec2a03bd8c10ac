package id.go.imigrasi.mpaspor.platform.waitingroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Tickets and hold passes are ours only if the HMAC matches, and only until they expire. */
class TicketsTest {

    private final Tickets tickets = new Tickets(new Signatures("unit-test-secret-0123456789"));
    private final Instant now = Instant.parse("2026-12-04T04:00:00Z");
    private final UUID release = UUID.randomUUID();

    @Test
    void aSignedTicketReadsBackUntilItExpires() {
        String token = tickets.sign(new Tickets.Ticket(release, "acc-1", 42, now, now.plusSeconds(60)));
        assertThat(tickets.ticket(token, now)).hasValueSatisfying(t -> {
            assertThat(t.position()).isEqualTo(42);
            assertThat(t.accountId()).isEqualTo("acc-1");
            assertThat(t.releaseId()).isEqualTo(release);
        });
        assertThat(tickets.ticket(token, now.plusSeconds(60))).as("expired").isEmpty();
    }

    @Test
    void aForgedTicketIsRefused() {
        String token = tickets.sign(new Tickets.Ticket(release, "acc-1", 42, now, now.plusSeconds(60)));
        String fields = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        String better = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(fields.replace("|42|", "|1|").getBytes(StandardCharsets.UTF_8));
        assertThat(tickets.ticket(better + token.substring(token.indexOf('.')), now)).as("position changed").isEmpty();
        String other = new Tickets(new Signatures("another-secret-0123456789"))
                .sign(new Tickets.Ticket(release, "acc-1", 1, now, now.plusSeconds(60)));
        assertThat(tickets.ticket(other, now)).as("signed with another key").isEmpty();
        assertThat(tickets.ticket("garbage", now)).isEmpty();
        assertThat(tickets.ticket("a.b.c", now)).isEmpty();
        assertThat(tickets.ticket(null, now)).isEmpty();
    }

    @Test
    void aTicketIsNeverAPassNorTheOtherWayRound() {
        String ticket = tickets.sign(new Tickets.Ticket(release, "acc-1", 1, now, now.plusSeconds(60)));
        String pass = tickets.sign(new Tickets.Pass(release, "acc-1", now.plusSeconds(60)));
        assertThat(tickets.pass(ticket, now)).isEmpty();
        assertThat(tickets.ticket(pass, now)).isEmpty();
        assertThat(tickets.pass(pass, now)).isPresent();
        assertThat(tickets.pass(pass, now.plusSeconds(61))).as("expired pass").isEmpty();
    }

    @Test
    void aDrawRequestIsForItsRoomOnlyUntilItExpiresAndNothingElseIsOne() {
        String request = tickets.signDrawRequest(release, now.plusSeconds(30));
        assertThat(tickets.drawRequest(request, release, now)).isTrue();
        assertThat(tickets.drawRequest(request, UUID.randomUUID(), now)).as("another room").isFalse();
        assertThat(tickets.drawRequest(request, release, now.plusSeconds(30))).as("expired").isFalse();
        String other = new Tickets(new Signatures("another-secret-0123456789")).signDrawRequest(release,
                now.plusSeconds(30));
        assertThat(tickets.drawRequest(other, release, now)).as("signed with another key").isFalse();
        String pass = tickets.sign(new Tickets.Pass(release, "acc-1", now.plusSeconds(60)));
        String ticket = tickets.sign(new Tickets.Ticket(release, "acc-1", 1, now, now.plusSeconds(60)));
        assertThat(tickets.drawRequest(pass, release, now)).as("a pass").isFalse();
        assertThat(tickets.drawRequest(ticket, release, now)).as("a ticket").isFalse();
        assertThat(tickets.drawRequest(null, release, now)).isFalse();
        assertThat(tickets.pass(request, now)).as("not a pass either").isEmpty();
    }
}
