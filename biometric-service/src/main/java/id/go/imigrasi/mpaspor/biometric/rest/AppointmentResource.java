package id.go.imigrasi.mpaspor.biometric.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.biometric.qr.QrCodes;
import id.go.imigrasi.mpaspor.biometric.service.AppointmentView;
import id.go.imigrasi.mpaspor.biometric.service.Appointments;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Appointments for their owner (others' answer 404), for officers of their office, and for admins. */
@IdempotentReads
@Path("/appointments")
@Tag(name = "appointments", description = "The applicant's appointments and their QR code")
@RolesAllowed({ Roles.APPLICANT, Roles.OFFICER, Roles.ADMIN })
public class AppointmentResource {

    public static final String PNG = "image/png";

    private final Appointments appointments;
    private final QrCodes qr;
    private final Caller caller;

    public AppointmentResource(Appointments appointments, QrCodes qr, Caller caller) {
        this.appointments = appointments;
        this.qr = qr;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.APPLICANT)
    @Operation(operationId = "listMyAppointments", summary = "My appointments: office, date, session, booking code, status, and what followed")
    public Uni<List<AppointmentView>> mine() {
        return appointments.mine(caller);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAppointment", summary = "One appointment")
    public Uni<AppointmentView> one(@PathParam("id") String id) {
        return appointments.read(id, caller);
    }

    @GET
    @Path("/{id}/qr.png")
    @Produces(PNG)
    @Operation(operationId = "getAppointmentQr", summary = "The booking code as a QR code image, to show at check-in")
    public Uni<Response> qr(@PathParam("id") String id) {
        return appointments.readable(id, caller)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(a -> Response.ok(qr.png(a.bookingCode), PNG)
                        .header("Content-Disposition", "inline; filename=\"booking-" + a.bookingCode + ".png\"")
                        .build());
    }
}
