package id.go.imigrasi.mpaspor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.ops.metrics.PrometheusText;
import id.go.imigrasi.mpaspor.ops.metrics.PrometheusText.Sample;

class PrometheusTextTest {

    @Test
    void readsNamesLabelsAndValuesAndSkipsWhatItCannotRead() {
        List<Sample> samples = PrometheusText.parse("""
                # HELP mpaspor_gateway_rejected_total Requests the gateway answered itself
                # TYPE mpaspor_gateway_rejected_total counter
                mpaspor_gateway_rejected_total{reason="rate-limited",scope="ip"} 12.0
                mpaspor_gateway_rejected_total{reason="upstream-busy",scope="quota, \\"x\\""} 3.0 1700000000000
                mpaspor_outbox_pending 4
                garbage line without value
                mpaspor_outbox_lag_seconds NaN
                """);
        assertThat(samples).hasSize(4);
        assertThat(samples.get(0).label("reason")).isEqualTo("rate-limited");
        assertThat(samples.get(0).value()).isEqualTo(12.0);
        assertThat(samples.get(1).label("scope")).isEqualTo("quota, \"x\"");
        assertThat(samples.get(2).name()).isEqualTo("mpaspor_outbox_pending");
        assertThat(samples.get(3).value()).isNaN();
    }
}
