package id.go.imigrasi.mpaspor.account;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) for the test run, on a free port; tests read the mailbox, and can stop and
 * restart the server to play an SMTP outage.
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static int port;
    private static GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        up();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port),
                "mpaspor.account.mail.backoff-initial", "PT1S", "mpaspor.account.mail.backoff-max", "PT2S");
    }

    @Override
    public void stop() {
        down();
    }

    public static synchronized void up() {
        if (greenMail == null) {
            greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
        }
    }

    public static synchronized void down() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Every message received so far for {@code recipient}. */
    public static List<MimeMessage> messagesTo(String recipient) {
        GreenMail server;
        synchronized (MailServer.class) {
            server = greenMail;
        }
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Waits for the n-th (1-based) message to {@code recipient} whose subject contains {@code subjectPart}. */
    public static MimeMessage await(String recipient, String subjectPart, int nth, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<MimeMessage> matching = messagesTo(recipient).stream().filter(m -> subjectOf(m).contains(subjectPart))
                    .toList();
            if (matching.size() >= nth) {
                return matching.get(nth - 1);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no message #" + nth + " to " + recipient + " with '" + subjectPart
                        + "' within " + timeout + "; got " + messagesTo(recipient).stream().map(MailServer::subjectOf).toList());
            }
            try {
                greenMailWait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The six-digit code of the n-th OTP mail to {@code recipient}. */
    public static String otp(String recipient, int nth) {
        MimeMessage mail = await(recipient, "Kode", nth, Duration.ofSeconds(20));
        Matcher m = CODE.matcher(subjectOf(mail) + " " + GreenMailUtil.getBody(mail));
        if (!m.find()) {
            throw new AssertionError("no code in " + subjectOf(mail));
        }
        return m.group(1);
    }

    public static String subjectOf(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static void greenMailWait() throws InterruptedException {
        GreenMail server;
        synchronized (MailServer.class) {
            server = greenMail;
        }
        if (server != null) {
            server.waitForIncomingEmail(200, Integer.MAX_VALUE);
        } else {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L); // the server is down: check again soon
        }
    }
}
