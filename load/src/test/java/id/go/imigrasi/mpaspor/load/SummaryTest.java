package id.go.imigrasi.mpaspor.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class SummaryTest {

    private static Properties figures(String overbooked) {
        Properties p = new Properties();
        p.setProperty("mode", "short");
        p.setProperty("pgbench.tps", "1000");
        p.setProperty("hash.pool", "10");
        p.setProperty("hash.all", "20");
        p.setProperty("kafka.rate", "50000");
        p.setProperty("disk.mbps", "200");
        p.setProperty("overbooked", overbooked);
        p.setProperty("capacity.total", "4");
        p.setProperty("held.total", "4");
        p.setProperty("rss.idle.quota-service", "204800");
        p.setProperty("rss.after.quota-service", "307200");
        p.setProperty("cpu.spike.before.quota-service", "1000");
        p.setProperty("cpu.spike.after.quota-service", "3500");
        p.setProperty("report.ReleaseSpikeSimulation", "file:///x/index.html");
        p.setProperty("skipped.upload-storm", "POST /uploads answered 404");
        p.setProperty("skipped.steady-state", "GET /applications answered 404");
        p.setProperty("skipped.waiting-room", "WR_USERS=0"); // as bench.sh --short says it
        return p;
    }

    private static Map<String, Map<String, RequestStats>> spike(Recorder.Line... lines) {
        Map<String, Map<String, RequestStats>> all = new LinkedHashMap<>();
        all.put("release-spike", Summary.byRequest(List.of(lines)));
        return all;
    }

    private static Recorder.Line l(String request, int status, long millis, boolean retryAfter) {
        return new Recorder.Line(request, status, millis, retryAfter, 1_000);
    }

    @Test
    void aCleanRunPassesAndShowsFiguresRatiosSkipsAndMemory() {
        Summary summary = new Summary(figures("0"), spike(l("login", 200, 90, false), l("login", 503, 3, true),
                l("hold", 201, 20, false), l("hold", 409, 10, false)));

        String text = summary.render();

        assertThat(summary.failures()).isEmpty();
        assertThat(text).contains("GATES: PASS", "Scenario: release spike", "login goodput", "while logins were shed",
                "of raw pgbench", "overbooked slots: 0", "Upload storm -- SKIPPED: POST /uploads answered 404",
                "whole stack: idle 200 MB", "quota-service 200/300",
                "CPU used by the stack during the spike: quota-service 2.5 s",
                "Gatling report (ReleaseSpikeSimulation): file:///x/index.html");
    }

    @Test
    void anyRequestOverTwoSecondsFailsTheGate() {
        Summary summary = new Summary(figures("0"), spike(l("login", 200, 2_500, false), l("hold", 201, 20, false)));

        assertThat(summary.render()).contains("GATES: FAIL", "login: 1 requests over 2 s");
    }

    @Test
    void anErrorOtherThan429Or503FailsTheGate() {
        Summary summary = new Summary(figures("0"), spike(l("hold", 500, 20, false), l("hold", 201, 20, false)));

        assertThat(summary.render()).contains("GATES: FAIL", "hold: 1 errors other than 429/503");
    }

    @Test
    void aShedAnswerWithoutRetryAfterFailsTheGate() {
        Summary summary = new Summary(figures("0"), spike(l("login", 503, 2, false), l("hold", 201, 20, false)));

        assertThat(summary.render()).contains("GATES: FAIL", "shed answers without Retry-After");
    }

    @Test
    void overbookingFailsTheGate() {
        Summary summary = new Summary(figures("1"), spike(l("hold", 201, 20, false)));

        assertThat(summary.render()).contains("GATES: FAIL", "overbooked slots = 1");
    }

    @Test
    void aRunWithoutAnyRecordedAnswerFailsTheGate() {
        Summary summary = new Summary(figures("0"), new LinkedHashMap<>());

        assertThat(summary.render()).contains("GATES: FAIL", "no figures recorded");
    }

    @Test
    void theSteadyStateReportsSubmitToBillingCodeAndItsJourneyDurationsAreNotRequestsOver2s() {
        Properties figures = figures("0");
        figures.remove("skipped.steady-state");
        figures.setProperty("steady.users", "3");
        figures.setProperty("steady.rate", "100");
        Map<String, Map<String, RequestStats>> all = spike(l("hold", 201, 20, false));
        all.put("steady-state", Summary.byRequest(List.of(l("prepared", 200, 45_000, false),
                l("submit", 202, 30, false), l("submit", 202, 40, false), l("application-read", 200, 12, false),
                l("billing-visible", 200, 180, false), l("billing-visible", 200, 420, false))));
        Summary summary = new Summary(figures, all);

        String text = summary.render();

        assertThat(summary.failures()).isEmpty();
        assertThat(text).contains("Scenario: Steady state (submit -> billing code visible)",
                "submit -> billing code visible: 2 of 2, p50/p95/p99 180/420/420 ms", "preparation took 45.0 s");
    }

    @Test
    void theDeskReportsEachOfficerActionAgainstItsTargetBesideTheSteadyState() {
        Properties figures = figures("0");
        figures.remove("skipped.steady-state");
        figures.setProperty("desk.officers", "3");
        figures.setProperty("desk.offices", "DESK1,DESK2");
        figures.setProperty("desk.appointments", "40");
        Map<String, Map<String, RequestStats>> all = spike(l("hold", 201, 20, false));
        all.put("steady-state", Summary.byRequest(List.of(l("submit", 202, 30, false),
                l("billing-visible", 200, 180, false))));
        all.put("desk", Summary.byRequest(List.of(l("desk check-in", 200, 40, false), l("desk check-in", 200, 60, false),
                l("desk approve", 200, 90, false), l("desk approve", 200, 150, false))));
        Summary summary = new Summary(figures, all);

        String text = summary.render();

        assertThat(summary.failures()).isEmpty();
        assertThat(text).contains("Scenario: Desk (issue 19: officers at the counters during the steady state)",
                "3 officers at each of DESK1,DESK2, 40 applicants each",
                "desk check-in    40/60/60         p95 < 100 ms: met",
                "desk approve     90/150/150       p95 < 100 ms: NOT met",
                "submit           30/30/30         steady state");
    }

    @Test
    void withoutTheSteadyStateTheDeskIsSkippedAndSaysWhy() {
        Properties figures = figures("0");
        figures.setProperty("skipped.desk", "it runs beside the steady state (STEADY_USERS=0)");
        String text = new Summary(figures, spike(l("hold", 201, 20, false))).render();
        assertThat(text).contains("Desk (issue 19: officers at the counters during the steady state) -- SKIPPED: it"
                + " runs beside the steady state (STEADY_USERS=0)");
    }

    @Test
    void aBillingCodeThatNeverShowsFailsTheGate() {
        Properties figures = figures("0");
        figures.remove("skipped.steady-state");
        Map<String, Map<String, RequestStats>> all = spike(l("hold", 201, 20, false));
        all.put("steady-state", Summary.byRequest(List.of(l("submit", 202, 30, false),
                l("billing-visible", -1, 10_000, false))));
        Summary summary = new Summary(figures, all);

        summary.render();

        assertThat(summary.failures()).anySatisfy(f -> assertThat(f).contains("billing codes not visible in time"));
    }
}
