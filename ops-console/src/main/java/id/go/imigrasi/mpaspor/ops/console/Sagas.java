package id.go.imigrasi.mpaspor.ops.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One application's saga across the services, from the events the console reads: every event keyed by the
 * application (its aggregate id) or naming it ({@code applicationId} in the payload), and every event of a hold
 * that belongs to it (keyed by the hold's id: {@code SlotHeld} comes before anything names the application, so hold
 * events are kept by hold and joined when an event names both). The same rule as {@code ./mpaspor trace}, which
 * reads the outboxes instead. Each hop carries the W3C trace id of its {@code ce_traceparent}, so the page shows
 * whether one trace ran from the submission to the appointment.
 * <p>
 * Bounded: the most recent {@code maxAggregates} aggregates are kept (older ones are forgotten first), each with its
 * events deduplicated by CloudEvents id.
 */
public final class Sagas {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** One event of a saga. */
    public record Hop(String id, Instant time, String service, String event, String aggregate, String traceId,
            String topic, int partition, long offset) {
    }

    /** One line of a saga as shown: the hop, its local time, the time since the one before and since the first. */
    public record Line(Hop hop, String localTime, long sincePreviousMs, long sinceFirstMs) {
    }

    /** A saga as shown: its hops by time, and the trace ids they carried (one: a single trace ran through). */
    public record Trace(String applicationId, List<Line> lines, Set<String> traceIds) {

        public boolean oneTrace() {
            return traceIds.size() == 1;
        }

        public String traceId() {
            return traceIds.isEmpty() ? null : traceIds.iterator().next();
        }

        public long totalMs() {
            return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).sinceFirstMs();
        }
    }

    private final int maxAggregates;
    /** aggregate id (an application's or a hold's) -> its hops by event id; access order: least recent first. */
    private final LinkedHashMap<String, Map<String, Hop>> byAggregate;
    /** application id -> the holds that belong to it. */
    private final Map<String, Set<String>> holdsOf = new HashMap<>();

    public Sagas(int maxAggregates) {
        this.maxAggregates = maxAggregates;
        this.byAggregate = new LinkedHashMap<>(1024, 0.75f, true);
    }

    /** Takes in one event (any number of times: an event id counts once). */
    public synchronized void apply(ConsoleEvent event) {
        String application = event.text("applicationId");
        String hold = event.text("holdId");
        String key = event.key();
        String id = event.id() == null ? event.topic() + "/" + event.partition() + "/" + event.offset() : event.id();
        Hop hop = new Hop(id, event.time(), service(event.topic()), event.name(), key, traceId(event), event.topic(),
                event.partition(), event.offset());
        Set<String> aggregates = new HashSet<>();
        if (key != null) {
            aggregates.add(key);
        }
        if (application != null) {
            aggregates.add(application);
            if (hold != null) {
                holdsOf.computeIfAbsent(application, a -> new HashSet<>()).add(hold);
            }
        }
        for (String aggregate : aggregates) {
            byAggregate.computeIfAbsent(aggregate, a -> new LinkedHashMap<>()).putIfAbsent(id, hop);
        }
        while (byAggregate.size() > maxAggregates) {
            String oldest = byAggregate.keySet().iterator().next();
            byAggregate.remove(oldest);
            holdsOf.remove(oldest);
        }
    }

    /** The saga of an application, times in {@code zone}; no lines when nothing of it was read (yet). */
    public synchronized Trace of(String applicationId, ZoneId zone) {
        Map<String, Hop> hops = new LinkedHashMap<>();
        Map<String, Hop> own = byAggregate.get(applicationId);
        if (own != null) {
            hops.putAll(own);
        }
        for (String hold : holdsOf.getOrDefault(applicationId, Set.of())) {
            Map<String, Hop> ofHold = byAggregate.get(hold);
            if (ofHold != null) {
                ofHold.forEach(hops::putIfAbsent);
            }
        }
        List<Hop> sorted = new ArrayList<>(hops.values());
        sorted.sort(Comparator.comparing(Hop::time).thenComparing(Hop::topic).thenComparingLong(Hop::offset));
        List<Line> lines = new ArrayList<>();
        Set<String> traces = new TreeSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            Hop hop = sorted.get(i);
            lines.add(new Line(hop, TIME.format(hop.time().atZone(zone)),
                    i == 0 ? 0 : Duration.between(sorted.get(i - 1).time(), hop.time()).toMillis(),
                    Duration.between(sorted.get(0).time(), hop.time()).toMillis()));
            if (hop.traceId() != null) {
                traces.add(hop.traceId());
            }
        }
        return new Trace(applicationId, lines, traces);
    }

    /** {@code application.events} is application's; a dead-letter or other topic is named whole. */
    static String service(String topic) {
        return topic.endsWith(".events") ? topic.substring(0, topic.length() - ".events".length()) : topic;
    }

    /** The trace id of a W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    static String traceId(ConsoleEvent event) {
        String traceparent = event.attributes().get("traceparent");
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }
}
