package id.go.imigrasi.mpaspor.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The alert rules of docker/prometheus/alerts.yml: valid for Prometheus ({@code promtool check rules}), their unit
 * tests pass ({@code promtool test rules alerts.test.yml}), every alert is tested both firing and silent, and every
 * alert has a runbook entry in docs/operations.md that its {@code runbook} annotation points to.
 */
class AlertRulesTest {

    private static final List<String> REQUIRED = List.of("OutboxLagging", "ConsumerLagging", "DeadLetterParked",
            "HighErrorRatio", "LoadShedSustained", "ServiceDown", "PaymentCallbacksFailing", "RetentionJobNotRunning");

    private final MonitoringAsCode code = MonitoringAsCode.ofRepository();

    @Test
    void rulesAreValidForPrometheus() {
        Promtool.Result result = Promtool.run(code.alertRules().getParent(), "check", "rules", "alerts.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void unitTestsOfTheRulesPass() {
        Promtool.Result result = Promtool.run(code.alertTests().getParent(), "test", "rules", "alerts.test.yml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void theIssuesAlertsExist() {
        assertThat(code.alerts()).extracting(MonitoringAsCode.Alert::name).containsAll(REQUIRED);
    }

    @Test
    void everyAlertIsTestedFiringAndSilent() {
        Set<String> firing = new HashSet<>();
        Set<String> silent = new HashSet<>();
        for (JsonNode test : code.alertTestsDocument().path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                String name = check.path("alertname").asText();
                (check.path("exp_alerts").isEmpty() ? silent : firing).add(name);
            }
        }
        for (MonitoringAsCode.Alert alert : code.alerts()) {
            assertThat(firing).as("a test where %s fires", alert.name()).contains(alert.name());
            assertThat(silent).as("a test where %s stays silent", alert.name()).contains(alert.name());
        }
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbookEntry() throws IOException {
        String runbook = Files.readString(code.runbook());
        for (MonitoringAsCode.Alert alert : code.alerts()) {
            assertThat(alert.labels().get("severity")).as(alert.name()).isIn("page", "ticket");
            assertThat(alert.annotations().get("summary")).as(alert.name()).isNotBlank();
            String anchor = alert.name().toLowerCase();
            assertThat(alert.annotations().get("runbook")).as(alert.name())
                    .isEqualTo("docs/operations.md#" + anchor);
            // a "### OutboxLagging" heading (GitHub's anchor: #outboxlagging) with the three parts of an entry
            int at = runbook.indexOf("\n### " + alert.name() + "\n");
            assertThat(at).as("runbook heading '### %s' in docs/operations.md", alert.name()).isPositive();
            int end = runbook.indexOf("\n### ", at + 1);
            String entry = runbook.substring(at, end < 0 ? runbook.length() : end);
            assertThat(entry).as("runbook entry of %s", alert.name())
                    .contains("**What it means**").contains("**Look at**").contains("**Do**");
        }
    }
}
