package id.go.imigrasi.mpaspor.application.support;

import java.util.List;

import id.go.imigrasi.mpaspor.testkit.MailServer;

/** The testkit's SMTP server ({@link MailServer}); tests read what each applicant received. */
public class MailCatcher extends MailServer {

    /** What {@code recipient} received so far, decoded. */
    public static List<Received> to(String recipient) {
        return received(recipient);
    }
}
