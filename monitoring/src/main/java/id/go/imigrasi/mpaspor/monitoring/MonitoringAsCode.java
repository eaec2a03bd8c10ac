package id.go.imigrasi.mpaspor.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The alert rules ({@code docker/prometheus/alerts.yml}) and Grafana dashboards ({@code docker/grafana/dashboards})
 * as data: every PromQL query they run, and the metric names those queries read. The monitoring module's tests
 * check the rules and dashboards themselves; the e2e module's {@code MonitoringIT} checks that every metric named
 * here is exported by the running services, so a renamed metric fails the build.
 */
public final class MonitoringAsCode {

    /** A PromQL query and where it is used ("alert OutboxLagging", "dashboard ... / panel ..."). */
    public record Query(String usedBy, String expr) {
    }

    /** An alerting rule. */
    public record Alert(String name, String expr, String forDuration, Map<String, String> labels,
            Map<String, String> annotations) {
    }

    /** Series Prometheus makes itself rather than scraping them from a service. */
    public static final Set<String> PROMETHEUS_OWN = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan", "atan2");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*");

    private final Path root;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final ObjectMapper json = new ObjectMapper();

    public MonitoringAsCode(Path root) {
        this.root = root;
    }

    /** The repository root: {@code -Dmpaspor.root}, else the nearest parent directory holding {@code docker/}. */
    public static MonitoringAsCode ofRepository() {
        String configured = System.getProperty("mpaspor.root");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docker/prometheus"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docker/prometheus above " + Path.of("").toAbsolutePath());
        }
        return new MonitoringAsCode(dir.toAbsolutePath().normalize());
    }

    public Path root() {
        return root;
    }

    public Path alertRules() {
        return root.resolve("docker/prometheus/alerts.yml");
    }

    public Path alertTests() {
        return root.resolve("docker/prometheus/alerts.test.yml");
    }

    public Path runbook() {
        return root.resolve("docs/operations.md");
    }

    public List<Path> dashboards() {
        try (Stream<Path> files = Files.list(root.resolve("docker/grafana/dashboards"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode group : read(yaml, alertRules()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("alert")) {
                    alerts.add(new Alert(rule.path("alert").asText(), rule.path("expr").asText(),
                            rule.path("for").asText(""), strings(rule.path("labels")), strings(rule.path("annotations"))));
                }
            }
        }
        return alerts;
    }

    public JsonNode dashboard(Path file) {
        return read(json, file);
    }

    public JsonNode alertTestsDocument() {
        return read(yaml, alertTests());
    }

    /** Every query of every alert and dashboard panel. */
    public List<Query> queries() {
        List<Query> queries = new ArrayList<>();
        for (Alert alert : alerts()) {
            queries.add(new Query("alert " + alert.name(), alert.expr()));
        }
        for (Path file : dashboards()) {
            JsonNode dashboard = dashboard(file);
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    queries.add(new Query("dashboard " + file.getFileName() + " / " + panel.path("title").asText(),
                            target.path("expr").asText()));
                }
            }
        }
        return queries;
    }

    /** The metric names a PromQL expression reads (functions, keywords, labels and durations left out). */
    public static Set<String> metricNames(String expr) {
        String e = STRING.matcher(expr).replaceAll("\"\"");
        e = MATCHERS.matcher(e).replaceAll(" ");
        e = RANGE.matcher(e).replaceAll(" ");
        e = LABEL_LIST.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            String name = m.group();
            int next = m.end();
            while (next < e.length() && Character.isWhitespace(e.charAt(next))) {
                next++;
            }
            boolean call = next < e.length() && e.charAt(next) == '(';
            if (!call && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every metric name the alerts and dashboards read that a service must export. */
    public Set<String> exportedMetricNames() {
        Set<String> names = new TreeSet<>();
        for (Query q : queries()) {
            names.addAll(metricNames(q.expr()));
        }
        names.removeAll(PROMETHEUS_OWN);
        return names;
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue().asText()));
        return map;
    }
}
