package id.go.imigrasi.mpaspor.ops.console;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The live figures of the console, folded from the services' events (the console's own consumer group reads
 * every {@code <service>.events} topic from the beginning): per office, today and for its latest release, the
 * places released, held, booked and remaining, its holds in the last minute, expiries and no-shows today; holds per
 * minute; hold expiries, bills expired and no-shows today;
 * late payments awaiting their refund; payments per channel per hour; the latest events. Each event counts once by its CloudEvents id, so a record the
 * relay published twice, a re-driven dead letter or a re-read after a rebalance changes nothing.
 * <p>
 * A hold's places are its NIKs; it is held from {@code SlotHeld}, booked from {@code HoldConfirmed} and gone at
 * {@code HoldReleased} (its reason {@code HOLD_TIMEOUT} or {@code BILLING_EXPIRED} is an expiry). A release's places
 * are {@code QuotaReleased.slots} over its dates; remaining = released - held - booked on those dates.
 */
public final class Dashboard {

    /** Ids remembered for deduplication; older ones are forgotten first (far beyond any redelivery). */
    private static final int MAX_IDS = 2_000_000;
    private static final int RECENT = 25;
    private static final Duration HOLD_RATE_WINDOW = Duration.ofMinutes(1);
    private static final int PAYMENT_HOURS = 6;

    private enum HoldState { HELD, BOOKED, RELEASED }

    private static final class Hold {
        String office;
        LocalDate date;
        int places;
        HoldState state = HoldState.HELD;
    }

    private record Release(String office, LocalDate from, LocalDate to, int slots, Instant releasedAt) {
        boolean covers(LocalDate date) {
            return date != null && !date.isBefore(from) && !date.isAfter(to);
        }
    }

    private final ZoneId zone;
    private final Set<String> seen = new LinkedHashSet<>();
    private final Map<String, Hold> holds = new HashMap<>();
    private final Map<String, Release> latestRelease = new HashMap<>();
    private final Map<String, Map<LocalDate, Integer>> noShows = new HashMap<>();
    private final Map<String, Map<LocalDate, Integer>> submissions = new HashMap<>();
    private final Deque<Instant> holdTimes = new ArrayDeque<>();
    /** office -> the times of its latest holds (for its holds per minute). */
    private final Map<String, Deque<Instant>> holdTimesByOffice = new HashMap<>();
    /** office -> date -> holds expired (their hold ran out or their bill expired). */
    private final Map<String, Map<LocalDate, Integer>> expiriesByOffice = new HashMap<>();
    private final Map<LocalDate, Integer> holdExpiries = new HashMap<>();
    private final Map<LocalDate, Integer> billsExpired = new HashMap<>();
    /** channel -> hour -> payments. */
    private final Map<String, TreeMap<Instant, Integer>> payments = new TreeMap<>();
    private final Deque<ConsoleEvent> recent = new ArrayDeque<>();
    private long applied;
    private int latePayments;
    private long latePaymentAmount;

    public Dashboard(ZoneId zone) {
        this.zone = zone;
    }

    /** Folds one event in; false when its id was seen already (or it has none). */
    public synchronized boolean apply(ConsoleEvent event) {
        String id = event.id() == null ? event.topic() + "/" + event.partition() + "/" + event.offset() : event.id();
        if (!seen.add(id)) {
            return false;
        }
        if (seen.size() > MAX_IDS) {
            Iterator<String> oldest = seen.iterator();
            oldest.next();
            oldest.remove();
        }
        applied++;
        switch (event.name()) {
            case "QuotaReleased" -> release(event);
            case "SlotHeld" -> held(event);
            case "HoldConfirmed" -> confirmed(event);
            case "HoldReleased" -> released(event);
            case "NoShow" -> count(noShows, event.text("officeCode"), date(event.text("date")));
            case "ApplicationSubmitted" -> count(submissions, event.text("officeCode"), day(event.time()));
            case "BillingPaid" -> paid(event);
            case "BillingExpired" -> billsExpired.merge(day(instant(event.text("expiredAt"), event.time())), 1, Integer::sum);
            case "LatePaymentReceived" -> {
                // paid after the bill expired: recorded by billing and owed back (billing has no refund event yet,
                // so every late payment read is still awaiting its refund)
                latePayments++;
                latePaymentAmount += event.data().path("amount").asLong();
            }
            default -> {
                // shown in the latest events only
            }
        }
        recent.addFirst(event);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
        return true;
    }

    /** How many events were folded in: the page is pushed again when it changes. */
    public synchronized long applied() {
        return applied;
    }

    private void release(ConsoleEvent e) {
        String office = e.text("officeCode");
        LocalDate from = date(e.text("fromDate"));
        LocalDate to = date(e.text("toDate"));
        if (office == null || from == null || to == null) {
            return;
        }
        Release r = new Release(office, from, to, e.data().path("slots").asInt(), instant(e.text("releasedAt"), e.time()));
        latestRelease.merge(office, r, (old, neu) -> neu.releasedAt().isBefore(old.releasedAt()) ? old : neu);
    }

    private void held(ConsoleEvent e) {
        Hold hold = holds.computeIfAbsent(e.text("holdId") == null ? e.key() : e.text("holdId"), k -> new Hold());
        hold.office = e.text("officeCode");
        hold.date = date(e.text("date"));
        JsonNode niks = e.data().path("niks");
        hold.places = niks.isArray() ? Math.max(1, niks.size()) : 1;
        holdTimes.addLast(e.time());
        while (holdTimes.size() > 100_000) {
            holdTimes.removeFirst();
        }
        if (hold.office != null) {
            Deque<Instant> ofOffice = holdTimesByOffice.computeIfAbsent(hold.office, o -> new ArrayDeque<>());
            ofOffice.addLast(e.time());
            while (ofOffice.size() > 10_000) {
                ofOffice.removeFirst();
            }
        }
    }

    private void confirmed(ConsoleEvent e) {
        Hold hold = holds.computeIfAbsent(e.text("holdId") == null ? e.key() : e.text("holdId"), k -> new Hold());
        hold.office = e.text("officeCode");
        hold.date = date(e.text("date"));
        JsonNode niks = e.data().path("niks");
        if (niks.isArray() && niks.size() > 0) {
            hold.places = niks.size();
        } else if (hold.places == 0) {
            hold.places = 1;
        }
        hold.state = HoldState.BOOKED;
    }

    private void released(ConsoleEvent e) {
        Hold hold = holds.get(e.text("holdId") == null ? e.key() : e.text("holdId"));
        if (hold != null) {
            hold.state = HoldState.RELEASED;
        }
        String reason = e.text("reason");
        if ("HOLD_TIMEOUT".equals(reason) || "BILLING_EXPIRED".equals(reason)) {
            LocalDate day = day(instant(e.text("releasedAt"), e.time()));
            holdExpiries.merge(day, 1, Integer::sum);
            count(expiriesByOffice, hold == null ? e.text("officeCode") : hold.office, day);
        }
    }

    private void paid(ConsoleEvent e) {
        String channel = e.text("channel") == null ? "?" : e.text("channel");
        Instant hour = instant(e.text("paidAt"), e.time()).truncatedTo(ChronoUnit.HOURS);
        payments.computeIfAbsent(channel, c -> new TreeMap<>()).merge(hour, 1, Integer::sum);
    }

    private void count(Map<String, Map<LocalDate, Integer>> counts, String office, LocalDate date) {
        if (office != null && date != null) {
            counts.computeIfAbsent(office, o -> new HashMap<>()).merge(date, 1, Integer::sum);
        }
    }

    // --- the view ---

    public record OfficeRow(String office, int heldToday, int bookedToday, int submittedToday, int noShowsToday,
            int holdsPerMinute, int expiriesToday, String releaseDates, Integer released, int releaseHeld,
            int releaseBooked, Integer remaining) {
    }

    public record ChannelRow(String channel, List<Integer> perHour, int total) {
    }

    public record View(LocalDate today, List<OfficeRow> offices, int holdsPerMinute, int holdExpiriesToday,
            int billsExpiredToday, int noShowsToday, int latePaymentsAwaitingRefund, long latePaymentAmount,
            List<String> hours, List<ChannelRow> payments, List<ConsoleEvent> recent, long applied) {

        /** The late payments' sum as read: {@code IDR 1,900,000}. */
        public String latePaymentAmountText() {
            return "IDR " + java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH).format(latePaymentAmount);
        }
    }

    public synchronized View view(Instant now) {
        LocalDate today = day(now);
        Set<String> offices = new TreeSet<>();
        holds.values().stream().filter(h -> h.office != null).forEach(h -> offices.add(h.office));
        offices.addAll(latestRelease.keySet());
        offices.addAll(noShows.keySet());
        offices.addAll(submissions.keySet());
        offices.addAll(expiriesByOffice.keySet());
        Instant since = now.minus(HOLD_RATE_WINDOW);
        List<OfficeRow> rows = new ArrayList<>();
        for (String office : offices) {
            int heldToday = 0;
            int bookedToday = 0;
            int releaseHeld = 0;
            int releaseBooked = 0;
            Release release = latestRelease.get(office);
            for (Hold h : holds.values()) {
                if (!office.equals(h.office) || h.state == HoldState.RELEASED) {
                    continue;
                }
                boolean booked = h.state == HoldState.BOOKED;
                if (today.equals(h.date)) {
                    if (booked) {
                        bookedToday += h.places;
                    } else {
                        heldToday += h.places;
                    }
                }
                if (release != null && release.covers(h.date)) {
                    if (booked) {
                        releaseBooked += h.places;
                    } else {
                        releaseHeld += h.places;
                    }
                }
            }
            rows.add(new OfficeRow(office, heldToday, bookedToday,
                    submissions.getOrDefault(office, Map.of()).getOrDefault(today, 0),
                    noShows.getOrDefault(office, Map.of()).getOrDefault(today, 0),
                    within(holdTimesByOffice.getOrDefault(office, new ArrayDeque<>()), since, now),
                    expiriesByOffice.getOrDefault(office, Map.of()).getOrDefault(today, 0),
                    release == null ? null : release.from() + " – " + release.to(),
                    release == null ? null : release.slots(), releaseHeld, releaseBooked,
                    release == null ? null : Math.max(0, release.slots() - releaseHeld - releaseBooked)));
        }
        int holdsPerMinute = within(holdTimes, since, now);
        Instant thisHour = now.truncatedTo(ChronoUnit.HOURS);
        List<Instant> hourStarts = new ArrayList<>();
        for (int i = PAYMENT_HOURS - 1; i >= 0; i--) {
            hourStarts.add(thisHour.minus(i, ChronoUnit.HOURS));
        }
        List<String> hours = hourStarts.stream().map(h -> h.atZone(zone).toLocalTime().toString()).toList();
        List<ChannelRow> channels = new ArrayList<>();
        payments.forEach((channel, perHour) -> {
            List<Integer> counts = hourStarts.stream().map(h -> perHour.getOrDefault(h, 0)).toList();
            int total = perHour.values().stream().mapToInt(Integer::intValue).sum();
            channels.add(new ChannelRow(channel, counts, total));
        });
        int noShowsToday = noShows.values().stream().mapToInt(m -> m.getOrDefault(today, 0)).sum();
        return new View(today, rows, holdsPerMinute, holdExpiries.getOrDefault(today, 0),
                billsExpired.getOrDefault(today, 0), noShowsToday, latePayments, latePaymentAmount, hours, channels,
                List.copyOf(recent), applied);
    }

    private static int within(Deque<Instant> times, Instant since, Instant now) {
        return (int) times.stream().filter(t -> t.isAfter(since) && !t.isAfter(now)).count();
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(String text, Instant fallback) {
        try {
            return text == null ? fallback : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
