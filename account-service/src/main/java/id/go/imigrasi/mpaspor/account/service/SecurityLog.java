package id.go.imigrasi.mpaspor.account.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Security events as structured log lines on the logger {@code mpaspor.security}: a fixed message
 * {@code security <event> key=value ...}, and the same keys in the log context, so the JSON log of the prod
 * profile carries them as fields ({@code security_event}, {@code account_id}, {@code client}, ...). Emails are
 * masked; no password, code or token ever reaches this log.
 */
@ApplicationScoped
public class SecurityLog {

    private static final Logger LOG = Logger.getLogger("mpaspor.security");

    public enum Event {
        LOGIN_FAILED, LOGIN_LOCKED, LOGIN_THROTTLED, REFRESH_TOKEN_REUSED, PASSWORD_CHANGED, PASSWORD_CHANGE_FAILED,
        PASSWORD_RESET, OFFICER_CREATED, OPS_ACCOUNT_CREATED, REGISTRATION_EMAIL_TAKEN, SESSION_REVOKED,
        ERASURE_REQUESTED, ERASURE_PASSWORD_WRONG, ASSISTED_REGISTRATION, DESK_SESSION_OPENED
    }

    /** Logs {@code event} with the given key/value pairs (keys in snake_case). */
    public void log(Event event, Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("security_event", event.name().toLowerCase(java.util.Locale.ROOT));
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                fields.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
            }
        }
        StringBuilder line = new StringBuilder("security ").append(fields.get("security_event"));
        fields.forEach((k, v) -> {
            if (!"security_event".equals(k)) {
                line.append(' ').append(k).append('=').append(v);
            }
        });
        fields.forEach(MDC::put);
        try {
            LOG.warn(line);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    /** {@code s***@contoh.co.id}: enough for an operator to recognise, not to harvest. */
    public static String mask(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
