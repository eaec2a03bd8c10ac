package id.go.imigrasi.mpaspor.application.domain;

import java.util.Locale;
import java.util.Optional;

/** What a helpdesk ticket is about, so the office can route it. */
public enum TicketCategory {
    PAYMENT, DOCUMENT, APPOINTMENT, DATA_CORRECTION, PASSPORT_DELIVERY, OTHER;

    /** The category named (case-insensitively, surrounding whitespace ignored), or empty. */
    public static Optional<TicketCategory> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
