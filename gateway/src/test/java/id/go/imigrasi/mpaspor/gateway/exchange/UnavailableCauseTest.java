package id.go.imigrasi.mpaspor.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceTimeoutException;

/** The cause a 503 for an unreachable service is counted under: the gateway's own pool apart from the service. */
class UnavailableCauseTest {

    @Test
    void thePoolsOwnRefusalsAreToldApartFromTheServicesSilence() {
        assertThat(EdgeMetrics.causeOf(new ConnectionPoolTooBusyException(
                "Connection pool reached max wait queue size of 500"))).isEqualTo("pool-full");
        assertThat(EdgeMetrics.causeOf(new NoStackTraceTimeoutException(
                "The timeout of 1000 ms has been exceeded when getting a connection to 127.0.0.1:8083")))
                .isEqualTo("pool-wait");
        assertThat(EdgeMetrics.causeOf(new ConnectException("Connection refused"))).isEqualTo("refused");
        assertThat(EdgeMetrics.causeOf(new TimeoutException("no answer within 5000 ms"))).isEqualTo("no-answer");
        assertThat(EdgeMetrics.causeOf(new HttpClosedException("Connection was closed"))).isEqualTo("dropped");
    }
}
