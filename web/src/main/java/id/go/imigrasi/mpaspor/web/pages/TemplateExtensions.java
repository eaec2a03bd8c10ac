package id.go.imigrasi.mpaspor.web.pages;

import java.util.List;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/** The few text helpers the templates use on the API's strings (Qute calls no other String methods). */
@TemplateExtension
public final class TemplateExtensions {

    private TemplateExtensions() {
    }

    /** {@code 'A,B,C'} as a list (a tag's options). */
    static List<String> commaList(String s) {
        return List.of(s.split(","));
    }

    /** The date of an ISO instant or date: {@code 2026-12-04}. */
    static String day(String iso) {
        return iso == null || iso.length() < 10 ? String.valueOf(iso) : iso.substring(0, 10);
    }

    /** An ISO instant to the minute, as read: {@code 2026-12-04 07:52}. */
    static String when(String iso) {
        return iso == null || iso.length() < 16 ? String.valueOf(iso) : iso.substring(0, 16).replace('T', ' ');
    }

    /** Whole rupiah in the page's language: {@code Rp1.900.000} (see {@link Formats}). */
    static String rupiah(Object amount, @TemplateAttribute("locale") Object locale) {
        return Formats.rupiah(amount, locale);
    }

    /**
     * An ISO instant in the office's zone (WIB, WITA, WIT; anything else is WIB), the zone named:
     * {@code 4 Desember 2026 14.52 WITA}. Never {@link #when} and "UTC" on a page a person reads.
     */
    static String local(Object instant, Object zone, @TemplateAttribute("locale") Object locale) {
        return Formats.dateTime(instant, zone, locale);
    }

    /** A date as read: {@code Senin, 7 Desember 2026} (an instant: its day in the zone). */
    static String longDate(Object value, Object zone, @TemplateAttribute("locale") Object locale) {
        return Formats.date(value, zone, locale);
    }

    /** A short date for lists and calendars: {@code Sen, 7 Des}. */
    static String shortDate(Object value, @TemplateAttribute("locale") Object locale) {
        return Formats.shortDate(value, Formats.DEFAULT_ZONE, locale);
    }

    /** An instant's time of day in the office's zone, named: {@code 14.52 WITA} / {@code 14:52 WITA}. */
    static String timeOfDay(Object instant, Object zone, @TemplateAttribute("locale") Object locale) {
        return Formats.time(instant, zone, locale);
    }

    /** An ISO weekday (1 = Monday) by name: {@code Jumat} / {@code Friday}. */
    static String dayName(Integer weekday, @TemplateAttribute("locale") Object locale) {
        return Formats.weekday(weekday, locale);
    }

    /** A day's opening intervals, joined: {@code 08.00–11.30, 13.00–16.00} (see {@link Formats#intervals}). */
    static String hoursText(List<?> intervals, @TemplateAttribute("locale") Object locale) {
        return Formats.intervals(intervals, locale);
    }

    /** An office's week in one line: {@code Senin–Kamis 08.00–16.00; Jumat 08.00–11.30, 13.00–16.00}. */
    static String weekSummary(List<?> hours, @TemplateAttribute("locale") Object locale) {
        return Formats.weekSummary(hours, locale);
    }

    /** The service lines this website has words for ({@code service_<line>} in the bundle {@code info}). */
    private static final java.util.Set<String> SERVICES = java.util.Set.of("REGULAR", "SAME_DAY", "PRIORITY_WALK_IN");

    /**
     * A service line as a message key part: the line itself ({@code service_REGULAR}, {@code service_short_REGULAR}),
     * or {@code OTHER} for a line this website does not know yet (the page never fails on a new one).
     */
    static String serviceLine(Object line) {
        return line != null && SERVICES.contains(line.toString()) ? line.toString() : "OTHER";
    }

    /** A message key from a value: {@code app.status.keyed('status_')} is {@code status_DRAFT}. */
    static String keyed(Object value, String prefix) {
        return prefix + value;
    }

    /** Timeline kinds that carry no application status, each with its own text ({@code event_<kind>}). */
    private static final java.util.Set<String> EVENTS = java.util.Set.of("DOCUMENT_UPLOADED", "DOCUMENT_ACCEPTED",
            "DOCUMENT_REJECTED", "HOLD_EXTENDED", "BOOKING_RESCHEDULED", "APPOINTMENT_MOVED", "DOCUMENT_READ",
            "BIOMETRICS_READ");

    /**
     * Timeline kinds of issue 22 (the helpdesk, corrections after submission, a mail sent again, a late payment and
     * its refund, a no-show): their texts are in the {@code help} bundle, {@code msg} being full (a bundle past ~300
     * keys fails at startup, see gen-bundles.py).
     */
    private static final java.util.Set<String> HELP_EVENTS = java.util.Set.of("TICKET_OPENED", "TICKET_ANSWERED",
            "TICKET_REPLIED", "TICKET_CLOSED", "TICKET_REOPENED", "APPLICANT_DATA_CORRECTED", "MAIL_RESENT",
            "LATE_PAYMENT_RECEIVED", "REFUND_REQUESTED", "REFUND_APPROVED", "REFUND_REJECTED", "REFUND_PAID",
            "NO_SHOW");

    /** Whether a timeline kind's text is in the {@code help} bundle ({@code event_<kind>} there). */
    static boolean helpEvent(Object kind) {
        return kind != null && HELP_EVENTS.contains(kind.toString());
    }

    /** The {@code help} bundle's key of such a kind. */
    static String helpEventKey(Object kind) {
        return "event_" + kind;
    }

    /**
     * The message key of a timeline entry without a status (a document, the hold, a reschedule): {@code event_<kind>},
     * or {@code event_OTHER} for a kind this website does not know yet (the page never fails on a new kind).
     */
    static String eventKey(Object kind) {
        return kind != null && EVENTS.contains(kind.toString()) ? "event_" + kind : "event_OTHER";
    }

    /**
     * The values the helpdesk, mails, corrections and refunds pages have words for (bundle {@code help}), by key
     * prefix: the API's enums as this website knows them.
     */
    private static final java.util.Map<String, java.util.Set<String>> HELP = java.util.Map.of(
            "category_", java.util.Set.copyOf(HelpdeskPages.CATEGORIES),
            "ticket_state_", java.util.Set.of("OPEN", "ANSWERED", "CLOSED"),
            "author_", java.util.Set.of("APPLICANT", "OFFICER", "ADMIN"),
            "mail_kind_", java.util.Set.of("BILLING_ISSUED", "BILLING_EXPIRED", "DOCUMENT_REJECTED",
                    "APPOINTMENT_SCHEDULED", "APPLICATION_APPROVED", "NIK_NOT_VERIFIED", "WAITING_ROOM_TURN",
                    "TICKET_ANSWERED"),
            "mail_channel_", java.util.Set.of("EMAIL", "SMS", "WHATSAPP"),
            "mail_state_", java.util.Set.of("QUEUED", "SENT", "FAILED"),
            "field_", java.util.Set.copyOf(CorrectionPages.FIELDS),
            "refund_state_", java.util.Set.copyOf(RefundPages.STATES),
            "refund_reason_", java.util.Set.of("LATE", "ALREADY_PAID", "CANCELLED", "CANCELLED_AFTER_PAYMENT"));

    /**
     * A message key of the bundle {@code help} from an API value: {@code t.state.helpKey('ticket_state_')} is
     * {@code ticket_state_OPEN}, or {@code ticket_state_OTHER} for a value this website does not know yet (the page
     * never fails on a new one). A category outside the list is {@code category_OTHER}, which the API has too.
     */
    static String helpKey(Object value, String prefix) {
        java.util.Set<String> known = HELP.get(prefix);
        return value != null && known != null && known.contains(value.toString()) ? prefix + value : prefix + "OTHER";
    }

    /** The same with a suffix: {@code 'channel_atm'.suffixed('_how')}. */
    static String suffixed(String value, String suffix) {
        return value + suffix;
    }

    /** A channel id as a message key part: {@code bank-teller} is {@code bank_teller}. */
    static String key(String s) {
        return s.replace('-', '_');
    }
}
