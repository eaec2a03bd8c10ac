package id.go.imigrasi.mpaspor.billing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.billing.BillingProblem;
import id.go.imigrasi.mpaspor.billing.domain.BillingCode;
import id.go.imigrasi.mpaspor.billing.invoice.InvoiceRenderer;
import id.go.imigrasi.mpaspor.billing.service.BillQueries;
import id.go.imigrasi.mpaspor.billing.service.BillView;
import id.go.imigrasi.mpaspor.billing.service.RefundCaseView;
import id.go.imigrasi.mpaspor.billing.service.RefundCases;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Bills for their owner (an applicant sees only their own; others' answer 404) and for admins (ops). */
@IdempotentReads
@Path("/bills")
@Tag(name = "bills", description = "Bills with their 15-digit billing code, deadline and PDF invoice")
@RolesAllowed({ Roles.APPLICANT, Roles.ADMIN })
public class BillResource {

    public static final String PDF = "application/pdf";

    private final BillQueries queries;
    private final InvoiceRenderer invoices;
    private final RefundCases refunds;
    private final Caller caller;

    public BillResource(BillQueries queries, InvoiceRenderer invoices, RefundCases refunds, Caller caller) {
        this.queries = queries;
        this.invoices = invoices;
        this.refunds = refunds;
        this.caller = caller;
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getBill", summary = "A bill: status, amounts, line items, payments")
    public Uni<BillView> bill(@PathParam("code") String code) {
        return queries.byCode(checked(code), caller);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getBillOfApplication", summary = "The bill of an application; 404 bill-not-yet-issued with Retry-After until billing has issued it")
    @APIResponse(responseCode = "200", description = "The bill", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = BillView.class)))
    @APIResponse(responseCode = "404", description = "bill-not-yet-issued: no bill for this application (yet). One is"
            + " issued within seconds of a submission: ask again after Retry-After. An application never submitted,"
            + " cancelled or not yours never gets one (docs/integration.md)", headers = @Header(name = "Retry-After",
                    schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<BillView> ofApplication(@QueryParam("applicationId") @NotBlank String applicationId) {
        return queries.byApplication(applicationId, caller);
    }

    @GET
    @Path("/{code}/refunds")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getBillRefunds", summary = "The refund cases of a bill (payments billing returns): state, amount, decision, the channel's refund reference")
    public Uni<List<RefundCaseView>> refunds(@PathParam("code") String code) {
        return refunds.ofBill(checked(code), caller);
    }

    @GET
    @Path("/{code}/invoice.pdf")
    @Produces(PDF)
    @Operation(operationId = "getInvoicePdf", summary = "The invoice as PDF: applicants, line items, total, code as barcode and QR, deadline, channels")
    public Uni<Response> invoice(@PathParam("code") String code) {
        return queries.forInvoice(checked(code), caller)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(b -> invoices.render(b.bill(), b.lines()))
                .map(pdf -> Response.ok(pdf, PDF)
                        .header("Content-Disposition", "inline; filename=\"tagihan-" + code + ".pdf\"").build());
    }

    private static String checked(String code) {
        if (!BillingCode.isValid(code)) {
            throw ProblemException.of(BillingProblem.BILL_NOT_FOUND);
        }
        return code;
    }
}
