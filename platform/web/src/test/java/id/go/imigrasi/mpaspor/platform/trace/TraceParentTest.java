package id.go.imigrasi.mpaspor.platform.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** W3C Trace Context version 00: what is accepted, what a new hop keeps and changes. */
class TraceParentTest {

    @Test
    void readsAValidTraceparentAndRefusesInvalidOnes() {
        TraceParent t = TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();
        assertThat(t.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(t.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(t.header()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
        assertThat(TraceParent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\nX: y")).isEmpty();
    }

    @Test
    void aChildKeepsTheTraceAndGetsANewSpan() {
        TraceParent root = TraceParent.newTrace();
        TraceParent child = root.child();
        assertThat(child.traceId()).isEqualTo(root.traceId());
        assertThat(child.spanId()).isNotEqualTo(root.spanId()).hasSize(16);
        assertThat(TraceParent.childOf(root.header()).traceId()).isEqualTo(root.traceId());
        assertThat(TraceParent.childOf("nonsense").traceId()).isNotEqualTo(root.traceId()).hasSize(32);
        assertThat(TraceParent.parse(root.header())).contains(root);
    }
}
