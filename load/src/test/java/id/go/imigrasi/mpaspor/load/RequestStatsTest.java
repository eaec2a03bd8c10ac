package id.go.imigrasi.mpaspor.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RequestStatsTest {

    private static Recorder.Line line(int status, long millis, boolean retryAfter, long start) {
        return new Recorder.Line("hold", status, millis, retryAfter, start);
    }

    @Test
    void answersAreClassifiedAsSuccessRefusedShedAndErrors() {
        List<Recorder.Line> lines = List.of(line(201, 10, false, 0), line(200, 20, false, 0), line(409, 5, false, 0),
                line(503, 2, true, 0), line(429, 3, false, 0), line(500, 4, false, 0), line(-1, 10_000, false, 0),
                line(460, 4, false, 0));

        RequestStats stats = RequestStats.of("hold", lines);

        assertThat(stats.count()).isEqualTo(8);
        assertThat(stats.success()).isEqualTo(2);
        assertThat(stats.refused()).isEqualTo(1);
        assertThat(stats.shed()).isEqualTo(2);
        assertThat(stats.shedWithoutRetryAfter()).isEqualTo(1);
        assertThat(stats.errors()).isEqualTo(3);
        assertThat(stats.checksumMismatches()).isEqualTo(1);
        assertThat(stats.over2s()).isEqualTo(1);
    }

    @Test
    void percentilesAreNearestRankOfSuccessAndOfShedApart() {
        List<Recorder.Line> lines = new ArrayList<>();
        for (int ms = 1; ms <= 100; ms++) {
            lines.add(line(201, ms, false, 0));
            lines.add(line(503, 1000 + ms, true, 0));
        }

        RequestStats stats = RequestStats.of("hold", lines);

        assertThat(stats.successPercentiles()).containsExactly(50, 95, 99);
        assertThat(stats.shedPercentiles()).containsExactly(1050, 1095, 1099);
    }

    @Test
    void throughputCountsFromTheFirstSendToTheLastAnswer() {
        List<Recorder.Line> lines = List.of(line(201, 100, false, 1_000), line(409, 100, false, 1_500),
                line(201, 400, false, 2_600));

        RequestStats stats = RequestStats.of("hold", lines);

        assertThat(stats.seconds()).isEqualTo(2.0);
        assertThat(stats.throughput()).isEqualTo(1.5);
        assertThat(stats.successThroughput()).isEqualTo(1.0);
        assertThat(stats.processedThroughput()).isEqualTo(1.5);
    }

    @Test
    void whileSheddingCountsTheSuccessesAnsweredBetweenTheFirstRefusalAndTheLast() {
        // a slow start with nothing refused, 10 s of refusals with 20 logins served, a quiet tail
        List<Recorder.Line> lines = new java.util.ArrayList<>();
        lines.add(line(200, 500, false, 0));
        lines.add(line(503, 5, true, 5_000));
        for (int i = 0; i < 20; i++) {
            lines.add(line(200, 600, false, 5_000 + i * 450L));
        }
        lines.add(line(503, 5, true, 14_995));
        lines.add(line(200, 600, false, 30_000));

        RequestStats stats = RequestStats.of("login", lines);

        assertThat(stats.sheddingSeconds()).isEqualTo(10.0);
        assertThat(stats.successWhileShedding()).isEqualTo(20);
        assertThat(stats.successThroughputWhileShedding()).isEqualTo(2.0);
        // the whole run: 22 in 30.6 s
        assertThat(stats.successThroughput()).isLessThan(1.0);
        // nothing shed: no such figure
        assertThat(RequestStats.of("login", List.of(line(200, 100, false, 0))).successThroughputWhileShedding())
                .isZero();
    }

    @Test
    void recordedLinesSurviveTheirCsvForm() {
        Recorder.Line line = new Recorder.Line("upload-patch", 204, 17, true, 1_700_000_000_000L);

        assertThat(Recorder.Line.parse(line.csv())).isEqualTo(line);
    }
}
