package id.go.imigrasi.mpaspor.application.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) on a free port; tests read what each applicant received. */
public class MailCatcher implements QuarkusTestResourceLifecycleManager {

    /** A received mail, decoded. */
    public record Received(String to, String subject, String body) {
    }

    private static GreenMail smtp;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        up();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void stop() {
        down();
    }

    /** Starts the SMTP server again (after {@link #down()}), on the same port; earlier mails are gone. */
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

    public static synchronized List<Received> to(String recipient) {
        if (smtp == null) {
            return List.of();
        }
        return Arrays.stream(smtp.getReceivedMessages()).map(MailCatcher::decode)
                .filter(m -> m.to().equalsIgnoreCase(recipient)).toList();
    }

    private static Received decode(MimeMessage m) {
        try {
            String to = m.getAllRecipients() == null ? "" : m.getAllRecipients()[0].toString();
            Object content = m.getContent();
            String body = content instanceof String text ? text : GreenMailUtil.getBody(m);
            return new Received(to, m.getSubject(), body);
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
