package id.go.imigrasi.mpaspor.biometric.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.biometric.service.OfficerActions;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Admins: the desk's audit of an office (issue 19), what its officers did on which appointment and when. Not under
 * quota-service's {@code /admin/offices/{code}/audit} (its office settings): the gateway routes
 * {@code /admin/offices/{code}/desk-audit} here.
 */
@IdempotentReads
@Path("/admin/offices/{code}")
@Tag(name = "admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final OfficerActions actions;

    public AdminResource(OfficerActions actions) {
        this.actions = actions;
    }

    @GET
    @Path("desk-audit")
    @Operation(operationId = "listDeskAudit", summary = "What the office's officers did at the desk (check-in,"
            + " interview, capture, finger exceptions, decisions, issuance, handover, reads of biometric results):"
            + " who, on which appointment, when; newest first, a page at a time",
            description = "No NIK or name of the applicant: the appointment id only. The next page: `before` = the"
                    + " `id` of the last entry of this one.")
    public Uni<List<OfficerActions.DeskAuditEntry>> deskAudit(
            @PathParam("code") @Parameter(description = "The office code", example = "JKTSEL") String code,
            @QueryParam("limit") @Parameter(description = "At most this many entries (1-500, default 50)",
                    example = "50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
            String limit,
            @QueryParam("before") @Parameter(description = "Only entries older than the entry with this id"
                    + " (the previous page's last)", example = "1234",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1")) String before) {
        return actions.ofOffice(code, limit, before);
    }
}
