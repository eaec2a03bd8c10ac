package id.go.imigrasi.mpaspor.ops.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.ops.config.OpsConfig;
import id.go.imigrasi.mpaspor.ops.metrics.PrometheusText.Sample;
import io.quarkus.scheduler.Scheduled;

/**
 * The services' own Prometheus metrics, scraped over loopback from each component's {@code /q/metrics} (the
 * gateway's on its management port) every {@code mpaspor.ops.scrape-interval}: outbox pending and lag, inbox dead
 * letters, upload admission in flight and shed, the gateway's 429/503 by reason, the holds waiting, the people in
 * the waiting rooms' lines. Counters
 * become "per minute" against the scrape about a minute before (or the oldest kept, early on).
 */
@ApplicationScoped
public class ServiceMetrics {

    private static final Duration RATE_WINDOW = Duration.ofSeconds(60);

    public record ServiceRow(String component, boolean up, String error, Double outboxPending, Double outboxLagSeconds,
            Double inboxDeadLettered, Double inboxApplied) {
    }

    public record RateRow(String component, String what, double perMinute, double total) {
    }

    public record GaugeRow(String component, String what, double value) {
    }

    public record Snapshot(Instant at, List<ServiceRow> services, List<GaugeRow> gauges, List<RateRow> rates) {
    }

    private record Scrape(Instant at, Map<String, Double> counters) {
    }

    private final OpsConfig config;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Deque<Scrape> history = new ArrayDeque<>();
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, List.of(), List.of(), List.of());

    public ServiceMetrics(OpsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    @Scheduled(every = "${mpaspor.ops.scrape-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scrape() {
        Map<String, List<Sample>> scraped = new TreeMap<>();
        Map<String, String> errors = new HashMap<>();
        config.metrics().forEach((component, url) -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    scraped.put(component, PrometheusText.parse(response.body()));
                } else {
                    errors.put(component, "HTTP " + response.statusCode());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                errors.put(component, e.getClass().getSimpleName());
            }
        });
        snapshot = fold(clock.instant(), scraped, errors);
    }

    /** One scrape's samples per component, folded into the page's rows (rates against the kept history). */
    synchronized Snapshot fold(Instant now, Map<String, List<Sample>> scraped, Map<String, String> errors) {
        List<ServiceRow> services = new ArrayList<>();
        List<GaugeRow> gauges = new ArrayList<>();
        Map<String, Double> counters = new TreeMap<>();
        for (String component : new java.util.TreeSet<>(config.metrics().keySet())) {
            List<Sample> samples = scraped.get(component);
            if (samples == null) {
                services.add(new ServiceRow(component, false, errors.getOrDefault(component, "not scraped"), null, null,
                        null, null));
                continue;
            }
            services.add(new ServiceRow(component, true, null, sum(samples, "mpaspor_outbox_pending"),
                    max(samples, "mpaspor_outbox_lag_seconds"), sum(samples, "mpaspor_inbox_dead_lettered_total"),
                    sum(samples, "mpaspor_inbox_applied_total")));
            for (String gauge : List.of("mpaspor_upload_patch_in_flight", "mpaspor_upload_request_in_flight",
                    "mpaspor_quota_holds_in_flight", "mpaspor_quota_holds_waiting", "mpaspor_quota_waiting_room_in_line",
                    "mpaspor_gateway_upstream_in_flight")) {
                Double value = sum(samples, gauge);
                if (value != null) {
                    gauges.add(new GaugeRow(component, gauge.substring("mpaspor_".length()), value));
                }
            }
            for (Sample s : samples) {
                if (s.name().startsWith("mpaspor_kafka_dead_letter_records")) {
                    gauges.add(new GaugeRow(component, "dead letters in " + s.label("topic"), s.value()));
                }
                String what = switch (s.name()) {
                    case "mpaspor_upload_patch_shed_total" -> "upload PATCH shed (" + s.label("reason") + ")";
                    case "mpaspor_upload_request_shed_total" -> "upload requests shed (" + s.label("reason") + ")";
                    case "mpaspor_quota_holds_shed_total" -> "holds shed";
                    case "mpaspor_admission_shed_total" -> "requests shed";
                    case "mpaspor_gateway_rejected_total" -> "gateway " + s.label("reason") + " (" + s.label("scope") + ")";
                    default -> null;
                };
                if (what != null) {
                    counters.merge(component + "\u0000" + what, s.value(), Double::sum);
                }
            }
        }
        history.addLast(new Scrape(now, counters));
        while (history.size() > 2 && history.peekFirst().at().isBefore(now.minus(RATE_WINDOW.plusSeconds(15)))) {
            history.removeFirst();
        }
        Scrape base = history.peekFirst();
        for (Scrape s : history) {
            if (!s.at().isAfter(now.minus(RATE_WINDOW))) {
                base = s; // the newest at least a minute old
            }
        }
        List<RateRow> rates = new ArrayList<>();
        double minutes = Math.max(Duration.between(base.at(), now).toMillis() / 60_000.0, 1.0 / 60);
        for (Map.Entry<String, Double> e : counters.entrySet()) {
            String[] key = e.getKey().split("\u0000", 2);
            double before = base == null || base.at().equals(now) ? e.getValue() : base.counters().getOrDefault(e.getKey(), 0.0);
            double perMinute = base.at().equals(now) ? 0 : Math.max(0, e.getValue() - before) / minutes;
            rates.add(new RateRow(key[0], key[1], Math.round(perMinute * 10) / 10.0, e.getValue()));
        }
        return new Snapshot(now, services, gauges, rates);
    }

    private static Double sum(List<Sample> samples, String name) {
        Double total = null;
        for (Sample s : samples) {
            if (s.name().equals(name)) {
                total = (total == null ? 0 : total) + s.value();
            }
        }
        return total;
    }

    private static Double max(List<Sample> samples, String name) {
        Double max = null;
        for (Sample s : samples) {
            if (s.name().equals(name)) {
                max = max == null ? s.value() : Math.max(max, s.value());
            }
        }
        return max;
    }
}
