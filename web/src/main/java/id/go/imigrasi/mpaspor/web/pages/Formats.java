package id.go.imigrasi.mpaspor.web.pages;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * How the website writes amounts, dates and times, in one place (templates reach it through
 * {@link TemplateExtensions}):
 * <ul>
 * <li>whole rupiah with the language's grouping: {@code Rp1.900.000} in Bahasa Indonesia, {@code Rp1,900,000} in
 * English;</li>
 * <li>an instant in the office's local time with the zone named, never UTC: {@code 4 Desember 2026 14.52 WITA};
 * Indonesia's three zones have no daylight saving, so the abbreviation is the offset's (WIB +7, WITA +8, WIT +9);
 * an office the page does not know is WIB (Asia/Jakarta);</li>
 * <li>a date as read: {@code Senin, 7 Desember 2026} / {@code Monday, 7 December 2026}.</li>
 * </ul>
 * A value that is not what it should be is shown as it came (a page never fails on the API's data).
 */
public final class Formats {

    /** The zones of Indonesia by the name people use, as the office catalogue names them ({@code timeZone}). */
    private static final Map<String, ZoneId> ZONES = Map.of("WIB", ZoneId.of("Asia/Jakarta"), "WITA",
            ZoneId.of("Asia/Makassar"), "WIT", ZoneId.of("Asia/Jayapura"));
    public static final String DEFAULT_ZONE = "WIB";

    private Formats() {
    }

    public static Locale locale(Object locale) {
        if (locale instanceof Locale l) {
            return "en".equals(l.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("id");
        }
        return locale != null && locale.toString().startsWith("en") ? Locale.ENGLISH : Locale.forLanguageTag("id");
    }

    /** {@code Rp1.900.000} (id) or {@code Rp1,900,000} (en); anything else as it came. */
    public static String rupiah(Object amount, Object locale) {
        long value;
        if (amount instanceof Number n) {
            value = n.longValue();
        } else {
            try {
                value = Long.parseLong(String.valueOf(amount).trim());
            } catch (NumberFormatException e) {
                return String.valueOf(amount);
            }
        }
        NumberFormat digits = NumberFormat.getIntegerInstance(locale(locale));
        digits.setGroupingUsed(true);
        return (value < 0 ? "-Rp" : "Rp") + digits.format(Math.abs(value));
    }

    /** WIB, WITA or WIT; anything else (or nothing) is WIB. */
    public static String zoneName(Object zone) {
        String name = zone == null ? "" : zone.toString().trim().toUpperCase(Locale.ROOT);
        return ZONES.containsKey(name) ? name : DEFAULT_ZONE;
    }

    public static ZoneId zone(Object zone) {
        return ZONES.get(zoneName(zone));
    }

    /** An ISO instant in the zone's local time, the zone named: {@code 4 Desember 2026 14.52 WIB}. */
    public static String dateTime(Object instant, Object zone, Object locale) {
        ZonedDateTime at = zoned(instant, zone);
        if (at == null) {
            return String.valueOf(instant);
        }
        Locale l = locale(locale);
        String pattern = l.getLanguage().equals("en") ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy HH.mm";
        return at.format(DateTimeFormatter.ofPattern(pattern, l)) + " " + zoneName(zone);
    }

    /** Only the time of an ISO instant in the zone, named: {@code 14.52 WIB}. */
    public static String time(Object instant, Object zone, Object locale) {
        ZonedDateTime at = zoned(instant, zone);
        if (at == null) {
            return String.valueOf(instant);
        }
        Locale l = locale(locale);
        return at.format(DateTimeFormatter.ofPattern(l.getLanguage().equals("en") ? "HH:mm" : "HH.mm", l)) + " "
                + zoneName(zone);
    }

    /**
     * A date as read, {@code Senin, 7 Desember 2026}: an ISO date as it is (a calendar day is the office's), an
     * ISO instant as the day it is in the zone.
     */
    public static String date(Object value, Object zone, Object locale) {
        LocalDate day = localDate(value, zone);
        if (day == null) {
            return String.valueOf(value);
        }
        return day.format(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", locale(locale)));
    }

    /** The short form for lists and calendars: {@code Sen, 7 Des} / {@code Mon, 7 Dec}. */
    public static String shortDate(Object value, Object zone, Object locale) {
        LocalDate day = localDate(value, zone);
        if (day == null) {
            return String.valueOf(value);
        }
        return day.format(DateTimeFormatter.ofPattern("EEE, d MMM", locale(locale)));
    }

    static ZonedDateTime zoned(Object instant, Object zone) {
        if (instant == null) {
            return null;
        }
        try {
            return Instant.parse(instant.toString()).atZone(zone(zone));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate localDate(Object value, Object zone) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        try {
            return s.length() == 10 ? LocalDate.parse(s) : Instant.parse(s).atZone(zone(zone)).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
