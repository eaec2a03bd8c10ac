package id.go.imigrasi.mpaspor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The PromQL reading that finds the metric names a rule or panel depends on. */
class MetricNamesTest {

    @Test
    void readsMetricNamesButNotFunctionsLabelsOrDurations() {
        assertThat(MonitoringAsCode.metricNames(
                "sum by (job, status) (rate(http_server_requests_seconds_count{status=~\"5..\", job=\"$job\"}[5m]))"
                        + " / ignoring(status) group_left sum(rate(foo_total[1m] offset 5m)) > bool 0.01"))
                .containsExactlyInAnyOrder("http_server_requests_seconds_count", "foo_total");
        assertThat(MonitoringAsCode.metricNames("up == 0")).containsExactly("up");
        assertThat(MonitoringAsCode.metricNames("max(a_b) or vector(0) unless on (x) c:d"))
                .containsExactlyInAnyOrder("a_b", "c:d");
    }

    @Test
    void everyRuleAndPanelNamesAtLeastOneMetric() {
        MonitoringAsCode code = MonitoringAsCode.ofRepository();
        for (MonitoringAsCode.Query query : code.queries()) {
            assertThat(MonitoringAsCode.metricNames(query.expr())).as(query.usedBy()).isNotEmpty();
        }
        assertThat(code.exportedMetricNames()).contains("mpaspor_outbox_lag_seconds", "mpaspor_kafka_consumer_lag",
                "mpaspor_billing_callbacks_refused_total").doesNotContain("up", "job", "sum", "rate");
    }
}
