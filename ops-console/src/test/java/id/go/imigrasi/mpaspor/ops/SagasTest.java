package id.go.imigrasi.mpaspor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.ops.console.ConsoleEvent;
import id.go.imigrasi.mpaspor.ops.console.Sagas;
import id.go.imigrasi.mpaspor.ops.console.Sagas.Line;
import id.go.imigrasi.mpaspor.ops.console.Sagas.Trace;

/**
 * One application's saga from the topics: its own events, the ones naming it, and its hold's, which come before
 * anything links the hold to it; by time, each once, with its trace id.
 */
class SagasTest {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Instant T0 = Instant.parse("2026-12-04T03:30:00Z");
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private final TopicRecords records = new TopicRecords();

    @Test
    void anApplicationsEventsAndItsHoldsAreOneSagaByTimeWithOneTrace() {
        Sagas sagas = new Sagas(1000);
        String app = UUID.randomUUID().toString();
        String hold = UUID.randomUUID().toString();
        // the hold is taken before the application names it
        sagas.apply(event("quota.events", "SlotHeld", hold, 0, "{\"holdId\":\"" + hold + "\"}"));
        sagas.apply(event("application.events", "ApplicationSubmitted", app, 120,
                "{\"applicationId\":\"" + app + "\",\"holdId\":\"" + hold + "\"}"));
        ConsoleEvent issued = event("billing.events", "BillingIssued", app, 180, "{\"applicationId\":\"" + app + "\"}");
        sagas.apply(issued);
        sagas.apply(issued); // read again after a rebalance: once
        sagas.apply(event("quota.events", "HoldConfirmed", hold, 900, "{\"holdId\":\"" + hold + "\"}"));
        String appointment = UUID.randomUUID().toString();
        sagas.apply(event("biometric.events", "AppointmentScheduled", appointment, 950,
                "{\"appointmentId\":\"" + appointment + "\",\"applicationId\":\"" + app + "\"}"));
        // someone else's
        sagas.apply(event("application.events", "ApplicationSubmitted", UUID.randomUUID().toString(), 130,
                "{\"applicationId\":\"other\"}"));

        Trace trace = sagas.of(app, JAKARTA);
        assertThat(trace.lines()).extracting(l -> l.hop().event()).containsExactly("SlotHeld", "ApplicationSubmitted",
                "BillingIssued", "HoldConfirmed", "AppointmentScheduled");
        assertThat(trace.lines()).extracting(l -> l.hop().service()).containsExactly("quota", "application", "billing",
                "quota", "biometric");
        assertThat(trace.lines()).extracting(Line::sincePreviousMs).containsExactly(0L, 120L, 60L, 720L, 50L);
        assertThat(trace.totalMs()).isEqualTo(950);
        assertThat(trace.lines().get(0).localTime()).isEqualTo("10:30:00.000");
        assertThat(trace.oneTrace()).isTrue();
        assertThat(trace.traceId()).isEqualTo(TRACE);
    }

    @Test
    void theDocumentsOfUploadServiceJoinTheApplicationsSaga() {
        // upload.events (upload-service): keyed by the upload, naming the application in the payload
        Sagas sagas = new Sagas(1000);
        String app = UUID.randomUUID().toString();
        String upload = UUID.randomUUID().toString();
        sagas.apply(event("application.events", "ApplicationCreated", app, 0, "{\"applicationId\":\"" + app + "\"}"));
        sagas.apply(event("upload.events", "DocumentUploaded", upload, 40,
                "{\"uploadId\":\"" + upload + "\",\"applicationId\":\"" + app + "\"}"));
        sagas.apply(event("upload.events", "DocumentAccepted", upload, 90,
                "{\"uploadId\":\"" + upload + "\",\"applicationId\":\"" + app + "\"}"));

        Trace trace = sagas.of(app, JAKARTA);
        assertThat(trace.lines()).extracting(l -> l.hop().event()).containsExactly("ApplicationCreated",
                "DocumentUploaded", "DocumentAccepted");
        assertThat(trace.lines()).extracting(l -> l.hop().service()).containsExactly("application", "upload", "upload");
    }

    @Test
    void anUnknownApplicationHasNoLinesAndTheOldestAggregatesAreForgotten() {
        Sagas sagas = new Sagas(2);
        sagas.apply(event("application.events", "ApplicationCreated", "a1", 0, "{\"applicationId\":\"a1\"}"));
        sagas.apply(event("application.events", "ApplicationCreated", "a2", 10, "{\"applicationId\":\"a2\"}"));
        sagas.apply(event("application.events", "ApplicationCreated", "a3", 20, "{\"applicationId\":\"a3\"}"));
        assertThat(sagas.of("a1", JAKARTA).lines()).isEmpty();
        assertThat(sagas.of("a3", JAKARTA).lines()).hasSize(1);
        assertThat(sagas.of("nobody", JAKARTA).lines()).isEmpty();
        assertThat(sagas.of("nobody", JAKARTA).traceId()).isNull();
    }

    private ConsoleEvent event(String topic, String name, String key, long atMs, String json) {
        return records.event(topic, name, key, T0.plusMillis(atMs), UUID.randomUUID().toString(),
                "00-" + TRACE + "-" + String.format("%016x", atMs + 1) + "-01", json);
    }
}
