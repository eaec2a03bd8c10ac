package id.go.imigrasi.mpaspor.biometric.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.biometric.domain.Finger;
import id.go.imigrasi.mpaspor.biometric.rest.OfficeRequests.CheckInRequest;
import id.go.imigrasi.mpaspor.biometric.rest.OfficeRequests.DecisionRequest;
import id.go.imigrasi.mpaspor.biometric.rest.OfficeRequests.DeliveryRequest;
import id.go.imigrasi.mpaspor.biometric.rest.OfficeRequests.ExceptionRequest;
import id.go.imigrasi.mpaspor.biometric.rest.OfficeRequests.FaceResult;
import id.go.imigrasi.mpaspor.biometric.rest.OfficeRequests.FingerResults;
import id.go.imigrasi.mpaspor.biometric.rest.OfficeRequests.InterviewRequest;
import id.go.imigrasi.mpaspor.biometric.rest.OfficeRequests.PickupRequest;
import id.go.imigrasi.mpaspor.biometric.service.AppointmentView;
import id.go.imigrasi.mpaspor.biometric.service.Appointments;
import id.go.imigrasi.mpaspor.biometric.service.Capture;
import id.go.imigrasi.mpaspor.biometric.service.CheckIn;
import id.go.imigrasi.mpaspor.biometric.service.Decisions;
import id.go.imigrasi.mpaspor.biometric.service.Handover;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The officer's desk, always on the officer's own office ({@code office_code} claim): the day's list, check-in,
 * interview, capture station results, decision, issuance, and handover (pickup or Pos delivery).
 */
@IdempotentReads
@Path("/office")
@Tag(name = "office-desk", description = "For officers at the office desk: the day, check-in, interview, biometrics, decision, issuance; walk-in registration and collective batches")
@RolesAllowed(Roles.OFFICER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfficeResource {

    private final Appointments appointments;
    private final CheckIn checkIn;
    private final Capture capture;
    private final Decisions decisions;
    private final Handover handover;
    private final Caller caller;

    public OfficeResource(Appointments appointments, CheckIn checkIn, Capture capture, Decisions decisions,
            Handover handover, Caller caller) {
        this.appointments = appointments;
        this.checkIn = checkIn;
        this.capture = capture;
        this.decisions = decisions;
        this.handover = handover;
        this.caller = caller;
    }

    @GET
    @Path("/appointments")
    @Operation(operationId = "listOfficeAppointments", summary = "The office's appointments of a day (yyyy-MM-dd)")
    public Uni<List<AppointmentView>> day(@QueryParam("date") String date) {
        LocalDate day;
        try {
            day = LocalDate.parse(date == null ? "" : date);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "validation.date-format");
        }
        return appointments.ofOffice(day, caller);
    }

    @GET
    @Path("/appointments/search")
    @Operation(operationId = "searchOfficeAppointments", summary = "The officer's office's appointments matching a"
            + " NIK, a booking code, a passport number or a part of a name, newest day first (at most 20)",
            description = "16 digits: the NIK; a booking code or a passport number: exactly; else at least three letters"
                    + " of the applicant's name, case ignored. Only the officer's own office is searched.")
    public Uni<List<AppointmentView>> search(@QueryParam("q") @Parameter(description = "What was typed at the desk",
            example = "3171014101900001") String q) {
        return appointments.search(q, caller);
    }

    @POST
    @Path("/check-in")
    @Operation(operationId = "checkIn", summary = "Check in by booking code (scanned or typed) and the NIK of the original e-KTP")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "404", description = "unknown-booking-code: no appointment has this booking code", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "already-checked-in (the applicant has checked in already), appointment-closed (the appointment was cancelled or marked no-show)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "wrong-appointment-date (today, in office time, is not the appointment's date), nik-mismatch (the NIK of the original e-KTP is not the booked one, e.g. a resold slot)", content = @Content(mediaType = "application/problem+json"))
    public Uni<AppointmentView> checkIn(@Valid @NotNull CheckInRequest request) {
        return checkIn.checkIn(request.bookingCode(), request.nik(), caller);
    }

    @POST
    @Path("/appointments/{id}/interview")
    @Operation(operationId = "recordInterview", summary = "Interview outcome: documents VERIFIED, or REJECTED with a reason")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "wrong-step: the appointment is not CHECKED_IN (not checked in yet, or already interviewed, decided or closed)", content = @Content(mediaType = "application/problem+json"))
    public Uni<AppointmentView> interview(@PathParam("id") String id, @Valid @NotNull InterviewRequest request) {
        if (request.outcome() == Decisions.InterviewOutcome.REJECTED) {
            requireText("reason", request.reason());
        }
        return decisions.interview(id, request.outcome(), request.reason(), caller);
    }

    @POST
    @Path("/appointments/{id}/capture/face")
    @Operation(operationId = "captureFace", summary = "A face photo result from the capture station")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "wrong-step: the appointment is not INTERVIEWED (documents not verified yet, or the capture complete), or its face photo has passed already", content = @Content(mediaType = "application/problem+json"))
    public Uni<AppointmentView> face(@PathParam("id") String id, @Valid @NotNull FaceResult result) {
        return capture.face(id, result.score(), result.icaoCompliant(), caller);
    }

    @POST
    @Path("/appointments/{id}/capture/fingers")
    @Operation(operationId = "captureFingers", summary = "Fingerprint attempts from the capture station (NFIQ 2 score per finger)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "wrong-step (the appointment is not INTERVIEWED: documents not verified yet, or the capture complete), finger-already-done (a finger of the post has passed or has an exception already), finger-exception-required (a finger failed the maximum number of attempts: record an exception for it); one refused finger refuses the whole post", content = @Content(mediaType = "application/problem+json"))
    public Uni<AppointmentView> fingers(@PathParam("id") String id, @Valid @NotNull FingerResults results) {
        List<Capture.FingerAttempt> attempts = new ArrayList<>();
        results.results().forEach(r -> attempts.add(new Capture.FingerAttempt(r.finger(), r.nfiq2())));
        return capture.fingers(id, attempts, caller);
    }

    @POST
    @Path("/appointments/{id}/capture/fingers/{finger}/exception")
    @Operation(operationId = "recordFingerException", summary = "An exception for a finger (INJURED, AMPUTATED, UNREADABLE) with a reason")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "wrong-step (the appointment is not INTERVIEWED), finger-already-done (the finger has passed or has an exception already), finger-exception-too-early (the finger has not failed the maximum number of attempts yet; only AMPUTATED is accepted before)", content = @Content(mediaType = "application/problem+json"))
    public Uni<AppointmentView> exception(@PathParam("id") String id, @PathParam("finger") String finger,
            @Valid @NotNull ExceptionRequest request) {
        Finger which;
        try {
            which = Finger.valueOf(finger);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("finger", "validation.finger");
        }
        return capture.exception(id, which, request.kind(), request.reason(), caller);
    }

    @POST
    @Path("/appointments/{id}/decision")
    @Operation(operationId = "decide", summary = "APPROVE (passport number, expected ready date) or REJECT with a reason")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "wrong-step (APPROVE: the appointment is not INTERVIEWED or CAPTURED; REJECT: not CHECKED_IN, INTERVIEWED or CAPTURED), capture-incomplete (APPROVE before the face photo and all ten fingers are done)", content = @Content(mediaType = "application/problem+json"))
    public Uni<AppointmentView> decision(@PathParam("id") String id, @Valid @NotNull DecisionRequest request) {
        if (request.decision() == Decisions.Verdict.REJECT) {
            requireText("reason", request.reason());
        }
        return decisions.decide(id, request.decision(), request.reason(), caller);
    }

    @POST
    @Path("/appointments/{id}/issuance")
    @Operation(operationId = "issuePassport", summary = "The passport was printed: PassportIssued")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "wrong-step: the appointment is not APPROVED (not approved yet, rejected, or issued already)", content = @Content(mediaType = "application/problem+json"))
    public Uni<AppointmentView> issuance(@PathParam("id") String id) {
        return decisions.issue(id, caller);
    }

    @POST
    @Path("/appointments/{id}/pickup")
    @Operation(operationId = "recordPickup", summary = "Handover at the office to the applicant or a family member of the same family card")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "wrong-step: the passport is not ISSUED (not issued yet, collected or handed to Pos already, or marked uncollected)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "nik-mismatch (by the APPLICANT: collectorNik is not the applicant's NIK), family-card-mismatch (by a FAMILY_MEMBER: familyCardNumber is not applicantFamilyCardNumber)", content = @Content(mediaType = "application/problem+json"))
    public Uni<AppointmentView> pickup(@PathParam("id") String id, @Valid @NotNull PickupRequest request) {
        if (request.collectedBy() == Handover.Collector.FAMILY_MEMBER) {
            List<FieldError> errors = new ArrayList<>();
            missing(errors, "collectorName", request.collectorName());
            missing(errors, "familyCardNumber", request.familyCardNumber());
            missing(errors, "applicantFamilyCardNumber", request.applicantFamilyCardNumber());
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
        }
        return handover.pickup(id, new Handover.Pickup(request.collectedBy(), request.collectorName(),
                request.collectorNik(), request.familyCardNumber(), request.applicantFamilyCardNumber()), caller);
    }

    @POST
    @Path("/appointments/{id}/delivery")
    @Operation(operationId = "sendByPost", summary = "Hand the passport to Pos Indonesia for delivery: tracking number")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AppointmentView.class)))
    @APIResponse(responseCode = "409", description = "wrong-step: the passport is not ISSUED (not issued yet, collected or handed to Pos already, or marked uncollected; also when that changed while Pos created the shipment)", content = @Content(mediaType = "application/problem+json"))
    public Uni<AppointmentView> delivery(@PathParam("id") String id, @Valid @NotNull DeliveryRequest request) {
        return handover.deliver(id, new Handover.Delivery(request.recipientName(), request.address(),
                request.postalCode(), request.phone()), caller);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "validation.reason-required");
        }
    }

    private static void missing(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(field, "validation.required-for-family-member"));
        }
    }
}
