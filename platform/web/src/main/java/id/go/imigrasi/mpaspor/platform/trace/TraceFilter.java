package id.go.imigrasi.mpaspor.platform.trace;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * W3C {@code traceparent} on every request: the caller's trace (the gateway's, which continues the client's) is
 * continued with a new span for this service's work, or a trace starts here. The events this request appends to
 * the outbox carry it on; the answer echoes it so a client can quote its trace id.
 */
public class TraceFilter {

    private static final String PROPERTY = "mpaspor.traceparent";

    @ServerRequestFilter(preMatching = true)
    public void enter(ContainerRequestContext request) {
        TraceParent trace = Tracing.enter(TraceParent.childOf(request.getHeaderString(TraceParent.HEADER)));
        request.setProperty(PROPERTY, trace);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(PROPERTY) instanceof TraceParent trace) {
            response.getHeaders().putSingle(TraceParent.HEADER, trace.header());
        }
    }
}
