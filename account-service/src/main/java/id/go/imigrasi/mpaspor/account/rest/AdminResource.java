package id.go.imigrasi.mpaspor.account.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;

import id.go.imigrasi.mpaspor.account.rest.AccountApi.CreateOfficerRequest;
import id.go.imigrasi.mpaspor.account.rest.AccountApi.Created;
import id.go.imigrasi.mpaspor.account.service.AccountService;
import id.go.imigrasi.mpaspor.account.service.Registration;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/admin")
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    private final AccountService accounts;

    public AdminResource(AccountService accounts) {
        this.accounts = accounts;
    }

    /** An officer account for an immigration office, active at once. */
    @POST
    @Path("/officers")
    public Uni<RestResponse<Created>> createOfficer(@NotNull CreateOfficerRequest body) {
        return accounts.createOfficer(new Registration(body.name(), body.email(), body.phone(), body.password(),
                body.officeCode())).map(a -> RestResponse.status(Response.Status.CREATED,
                        new Created(a.id.toString(), a.status.name())));
    }
}
