package id.go.imigrasi.mpaspor.account;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

/**
 * The testkit's SMTP server ({@link id.go.imigrasi.mpaspor.testkit.MailServer}) with account-service's short mail
 * back-off, and the reader of the OTP codes it sends.
 */
public class MailServer extends id.go.imigrasi.mpaspor.testkit.MailServer {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("mpaspor.mail.backoff.initial", "PT1S");
        config.put("mpaspor.mail.backoff.max", "PT2S");
        return config;
    }

    /** The six-digit code of the n-th OTP mail to {@code recipient}. */
    public static String otp(String recipient, int nth) {
        MimeMessage mail = await(recipient, "Kode", nth, Duration.ofSeconds(20));
        Matcher m = CODE.matcher(subjectOf(mail) + " " + bodyOf(mail));
        if (!m.find()) {
            throw new AssertionError("no code in " + subjectOf(mail));
        }
        return m.group(1);
    }
}
