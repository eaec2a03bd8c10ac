package id.go.imigrasi.mpaspor.web.pages;

import static id.go.imigrasi.mpaspor.web.pages.AccountPages.redirect;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;

/**
 * The link of the "it is your turn" e-mail ({@code /ruang-tunggu/<releaseId>}, written by application-service): the
 * release's waiting room for the person's application still being prepared (DRAFT, where the hold is made), after
 * the login when the session has ended; the list of applications when there is none.
 */
@Path("/ruang-tunggu/{releaseId}")
public class WaitingRoomLink {

    private final ApiClient api;
    private final Visit visit;

    public WaitingRoomLink(ApiClient api, Visit visit) {
        this.api = api;
        this.visit = visit;
    }

    @GET
    public Response open(@PathParam("releaseId") String releaseId) {
        if (releaseId == null || !WaitingRoomPages.RELEASE.matcher(releaseId).matches()) {
            throw new NotFoundException();
        }
        visit.requireLogin();
        ApiResponse mine = api.get("/applications");
        if (mine.ok()) {
            for (JsonNode app : mine.json()) {
                if ("DRAFT".equals(app.path("status").asText())) {
                    return redirect("/applications/" + app.path("id").asText() + "/waiting-room/" + releaseId);
                }
            }
        }
        return redirect("/applications");
    }
}
