package id.go.imigrasi.mpaspor.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.awaitility.Awaitility;

/**
 * The applicant's inbox, read over IMAP from the system's SMTP/IMAP server, as the applicant's mail app would.
 * The development mail server accepts any recipient and lets each mailbox log in with its address.
 */
final class Mailbox {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    record Mail(String subject, String body) {
    }

    private final int imapPort;

    Mailbox(int imapPort) {
        this.imapPort = imapPort;
    }

    /** Waits for the {@code nth} (1-based) mail to {@code address} whose subject contains {@code subjectPart}. */
    Mail await(String address, String subjectPart, int nth) {
        List<Mail> found = new ArrayList<>();
        Awaitility.await("mail #" + nth + " '" + subjectPart + "' to " + address).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    found.clear();
                    read(address).stream().filter(m -> m.subject().contains(subjectPart)).forEach(found::add);
                    return found.size() >= nth;
                });
        return found.get(nth - 1);
    }

    /** The six-digit code of the {@code nth} mail whose subject contains {@code subjectPart}. */
    String otp(String address, String subjectPart, int nth) {
        Mail mail = await(address, subjectPart, nth);
        Matcher m = CODE.matcher(mail.subject() + " " + mail.body());
        if (!m.find()) {
            throw new AssertionError("no code in the mail '" + mail.subject() + "'");
        }
        return m.group(1);
    }

    List<Mail> read(String address) {
        Properties props = new Properties();
        props.put("mail.imap.host", "127.0.0.1");
        props.put("mail.imap.port", Integer.toString(imapPort));
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        Session session = Session.getInstance(props);
        List<Mail> mails = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            store.connect(address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(String.valueOf(message.getSubject()), text(message.getContent())));
                }
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            // no mailbox yet: nothing was delivered to this address so far
            if (!String.valueOf(e.getMessage()).toLowerCase().contains("authentication")) {
                throw new IllegalStateException("cannot read the mailbox of " + address, e);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return mails;
    }

    private static String text(Object content) throws MessagingException, java.io.IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                all.append(text(part.getContent())).append('\n');
            }
            return all.toString();
        }
        return "";
    }
}
