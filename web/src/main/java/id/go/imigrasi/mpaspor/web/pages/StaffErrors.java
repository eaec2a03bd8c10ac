package id.go.imigrasi.mpaspor.web.pages;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A page for staff only ({@code /kantor}, {@code /admin}) asked by someone else: a 403 page saying so. */
public class StaffErrors {

    private final Pages pages;

    public StaffErrors(Pages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response staffOnly(StaffOnly refused) {
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page("kantor/refused").data("role", refused.role()).render()).build();
    }
}
