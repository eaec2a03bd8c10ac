package id.go.imigrasi.mpaspor.web.pages;

import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How the website writes amounts, dates and times, in one place (templates reach it through
 * {@link TemplateExtensions}):
 * <ul>
 * <li>whole rupiah with the language's grouping: {@code Rp1.900.000} in Bahasa Indonesia, {@code Rp1,900,000} in
 * English;</li>
 * <li>an instant in the office's local time with the zone named, never UTC: {@code 4 Desember 2026 14.52 WITA};
 * Indonesia's three zones have no daylight saving, so the abbreviation is the offset's (WIB +7, WITA +8, WIT +9);
 * an office the page does not know is WIB (Asia/Jakarta);</li>
 * <li>a date as read: {@code Senin, 7 Desember 2026} / {@code Monday, 7 December 2026};</li>
 * <li>an office's opening hours (the API's {@code hours}: {@code [{weekday, opens, closes}]}, ISO weekdays, local
 * {@code HH:mm}) as its week: the weekday's name in the language ({@code Jumat} / {@code Friday}), the times as the
 * language writes them ({@code 08.00-11.30, 13.00-16.00} / {@code 08:00-11:30, 13:00-16:00}, with an en dash), and
 * whether the office is open at an instant, in the office's zone.</li>
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

    /** An ISO weekday (1 = Monday) by its name in the language: {@code Jumat} / {@code Friday}. */
    public static String weekday(Object isoWeekday, Object locale) {
        try {
            return DayOfWeek.of(Integer.parseInt(String.valueOf(isoWeekday).trim()))
                    .getDisplayName(TextStyle.FULL, locale(locale));
        } catch (NumberFormatException | DateTimeException e) {
            return String.valueOf(isoWeekday);
        }
    }

    /** A local time of day as the language writes it: {@code 08.00} (id), {@code 08:00} (en). */
    public static String clock(Object time, Object locale) {
        LocalTime t = localTime(time);
        if (t == null) {
            return String.valueOf(time);
        }
        return t.format(DateTimeFormatter.ofPattern(locale(locale).getLanguage().equals("en") ? "HH:mm" : "HH.mm"));
    }

    /** A day's intervals ({@code [{opens, closes}]}) joined: {@code 08.00–11.30, 13.00–16.00}. */
    public static String intervals(Object intervals, Object locale) {
        StringJoiner day = new StringJoiner(", ");
        for (Map<?, ?> interval : maps(intervals)) {
            day.add(clock(interval.get("opens"), locale) + "\u2013" + clock(interval.get("closes"), locale));
        }
        return day.toString();
    }

    /**
     * The API's hours as the week, Monday first: seven rows {@code {weekday: 1..7, intervals: [{opens, closes}]}},
     * each day's intervals by opening time; a day without any (an empty list) is closed. Entries that are not an
     * interval of a weekday are left out.
     */
    public static List<Map<String, Object>> week(Object hours) {
        List<Map<String, Object>> week = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            List<Map<String, Object>> intervals = new ArrayList<>();
            for (Map<?, ?> h : maps(hours)) {
                LocalTime opens = localTime(h.get("opens"));
                LocalTime closes = localTime(h.get("closes"));
                if (String.valueOf(day).equals(String.valueOf(h.get("weekday"))) && opens != null && closes != null) {
                    Map<String, Object> interval = new LinkedHashMap<>();
                    interval.put("opens", opens.toString());
                    interval.put("closes", closes.toString());
                    intervals.add(interval);
                }
            }
            intervals.sort((a, b) -> a.get("opens").toString().compareTo(b.get("opens").toString()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("weekday", day);
            row.put("intervals", intervals);
            week.add(row);
        }
        return week;
    }

    /**
     * The week in one line for lists: days in a row with the same hours together, closed days left out:
     * {@code Senin–Kamis 08.00–16.00; Jumat 08.00–11.30, 13.00–16.00}. Empty when no day is open.
     */
    public static String weekSummary(Object hours, Object locale) {
        List<Map<String, Object>> week = week(hours);
        StringJoiner summary = new StringJoiner("; ");
        int day = 0;
        while (day < week.size()) {
            String times = intervals(week.get(day).get("intervals"), locale);
            int last = day;
            while (last + 1 < week.size() && intervals(week.get(last + 1).get("intervals"), locale).equals(times)) {
                last++;
            }
            if (!times.isEmpty()) {
                summary.add(weekday(day + 1, locale) + (last > day ? "\u2013" + weekday(last + 1, locale) : "") + " "
                        + times);
            }
            day = last + 1;
        }
        return summary.toString();
    }

    /** Whether an office with these hours is open at the instant, in the office's zone (WIB, WITA, WIT). */
    public static boolean openAt(Object hours, Object zone, Instant at) {
        ZonedDateTime local = at.atZone(zone(zone));
        LocalTime now = local.toLocalTime();
        Object today = week(hours).get(local.getDayOfWeek().getValue() - 1).get("intervals");
        for (Map<?, ?> interval : maps(today)) {
            if (!now.isBefore(localTime(interval.get("opens"))) && now.isBefore(localTime(interval.get("closes")))) {
                return true;
            }
        }
        return false;
    }

    /** The ISO weekday (1 = Monday) of the instant in the zone: the office's "today". */
    public static int weekdayAt(Instant at, Object zone) {
        return at.atZone(zone(zone)).getDayOfWeek().getValue();
    }

    private static List<Map<?, ?>> maps(Object list) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (list instanceof Iterable<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m) {
                    maps.add(m);
                }
            }
        }
        return maps;
    }

    private static LocalTime localTime(Object time) {
        if (time == null) {
            return null;
        }
        try {
            return LocalTime.parse(time.toString().trim());
        } catch (DateTimeParseException e) {
            return null;
        }
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
