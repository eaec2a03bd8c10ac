package id.go.imigrasi.mpaspor.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) for a test run, on a free loopback port, pointed at by {@code quarkus.mailer.*}.
 * Tests read what each recipient received, and stop and start the server to play an SMTP outage. Every
 * {@code initArgs} entry of the resource is passed on as configuration (e.g. a shorter mail back-off); a module may
 * extend it with its own readers (account-service's OTP codes).
 * <p>
 * The module declares {@code com.icegreen:greenmail} itself (the testkit's dependency on it is optional).
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    /** A received mail, decoded: its first recipient, subject and text. */
    public record Received(String to, String subject, String body) {
    }

    private static int port;
    private static GreenMail smtp;
    private final Map<String, String> config = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        config.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        up();
        Map<String, String> all = new HashMap<>(config);
        all.put("quarkus.mailer.host", "127.0.0.1");
        all.put("quarkus.mailer.port", String.valueOf(port));
        return all;
    }

    @Override
    public void stop() {
        down();
    }

    /** Starts the server (again, after {@link #down()}) on the same port; mails received before are gone. */
    public static synchronized void up() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    /** An SMTP outage: connections are refused until {@link #up()}. */
    public static synchronized void down() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    /** Every message received so far for {@code recipient} (case-insensitive), in arrival order. */
    public static List<MimeMessage> messagesTo(String recipient) {
        GreenMail server;
        synchronized (MailServer.class) {
            server = smtp;
        }
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** The messages to {@code recipient}, decoded. */
    public static List<Received> received(String recipient) {
        return messagesTo(recipient).stream().map(MailServer::decode).toList();
    }

    /** Waits for the n-th (1-based) message to {@code recipient} whose subject contains {@code subjectPart}. */
    public static MimeMessage await(String recipient, String subjectPart, int nth, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<MimeMessage> matching = messagesTo(recipient).stream()
                    .filter(m -> subjectOf(m).contains(subjectPart)).toList();
            if (matching.size() >= nth) {
                return matching.get(nth - 1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no message #" + nth + " to " + recipient + " with '" + subjectPart
                        + "' within " + timeout + "; got "
                        + messagesTo(recipient).stream().map(MailServer::subjectOf).toList());
            }
            GreenMail server;
            synchronized (MailServer.class) {
                server = smtp;
            }
            if (server != null) {
                server.waitForIncomingEmail(200, Integer.MAX_VALUE);
            } else {
                LockSupport.parkNanos(100_000_000L); // the server is down: look again soon
            }
        }
    }

    public static String subjectOf(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (MessagingException e) {
            return "";
        }
    }

    /** The text of a message (its content when it is text, else GreenMail's reading of its body). */
    public static String bodyOf(MimeMessage m) {
        try {
            Object content = m.getContent();
            return content instanceof String text ? text : GreenMailUtil.getBody(m);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received decode(MimeMessage m) {
        try {
            String to = m.getAllRecipients() == null ? "" : m.getAllRecipients()[0].toString();
            return new Received(to, m.getSubject(), bodyOf(m));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
