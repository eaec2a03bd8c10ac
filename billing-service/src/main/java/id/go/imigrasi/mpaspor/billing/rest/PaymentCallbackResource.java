package id.go.imigrasi.mpaspor.billing.rest;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.billing.domain.BillingCode;
import id.go.imigrasi.mpaspor.billing.service.CallbackAuthenticator;
import id.go.imigrasi.mpaspor.billing.service.PaymentCallbacks;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /payments/callbacks/{channel}}: a payment channel reports a payment. Not JWT-authenticated: every
 * request is authenticated by its HMAC signature and timestamp ({@link CallbackAuthenticator}) before its body
 * is read. Idempotent by (channel, channelReference).
 */
@IdempotentReads
@Path("/payments/callbacks")
@Tag(name = "payments", description = "For payment channels: HMAC-SHA256 signed, idempotent")
@PermitAll
public class PaymentCallbackResource {

    /** Set to true on an answer that replays an already recorded payment. */
    public static final String REPLAYED_HEADER = "X-Mpaspor-Replayed";

    private final CallbackAuthenticator authenticator;
    private final PaymentCallbacks callbacks;
    private final ObjectMapper json;
    private final Validator validator;
    private final BillingConfig config;

    private final Clock clock;

    public PaymentCallbackResource(CallbackAuthenticator authenticator, PaymentCallbacks callbacks, ObjectMapper json,
            Validator validator, BillingConfig config, Clock clock) {
        this.clock = clock;
        this.authenticator = authenticator;
        this.callbacks = callbacks;
        this.json = json;
        this.validator = validator;
        this.config = config;
    }

    @POST
    @Path("/{channel}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receivePaymentCallback", summary = "Report a payment", description = "Headers X-Mpaspor-Timestamp (Unix seconds, within ±5 "
            + "minutes) and X-Mpaspor-Signature (hex HMAC-SHA256 of timestamp + '.' + raw body with the channel's "
            + "secret). The same channelReference again returns the same answer and changes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CallbackRequest.class)))
    @APIResponse(responseCode = "200", description = "The payment is recorded (or was already: `X-Mpaspor-Replayed: true`)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = id.go.imigrasi.mpaspor.billing.service.PaymentReceipt.class)),
            headers = @Header(name = REPLAYED_HEADER, description = "true when this channelReference was reported before: nothing changed", schema = @Schema(type = SchemaType.BOOLEAN)))
    @APIResponse(responseCode = "401", description = "callback-signature-invalid (X-Mpaspor-Signature missing or not the HMAC of timestamp and body with the channel's secret), callback-timestamp-out-of-window (X-Mpaspor-Timestamp missing, unreadable or outside the tolerance): checked before the body is read; nothing recorded", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "channel-reference-conflict: this channelReference is already recorded for another billing code or amount; nothing changed", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "unknown-billing-code (a well-formed code no bill has), amount-mismatch (the amount differs from the bill's total): nothing recorded", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> callback(@PathParam("channel") String channel,
            @Parameter(description = "Unix epoch seconds") @HeaderParam(CallbackAuthenticator.TIMESTAMP_HEADER) String timestamp,
            @Parameter(description = "hex HMAC-SHA256") @HeaderParam(CallbackAuthenticator.SIGNATURE_HEADER) String signature,
            byte[] body) throws IOException {
        authenticator.authenticate(channel, timestamp, signature, body == null ? new byte[0] : body);
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("billingCode", "jakarta.validation.constraints.NotBlank.message");
        }
        CallbackRequest request = json.readValue(body, CallbackRequest.class);
        if (request == null) {
            throw ProblemException.of(CommonProblem.MALFORMED_REQUEST);
        }
        Set<ConstraintViolation<CallbackRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (!BillingCode.isValid(request.billingCode())) {
            throw ProblemException.invalid("billingCode", "validation.billing-code-check-digit");
        }
        BigDecimal amount = request.amount().stripTrailingZeros();
        if (amount.scale() > 0 || amount.precision() - amount.scale() > 15) {
            throw ProblemException.invalid("amount", "validation.amount-whole-rupiah");
        }
        Duration tolerance = config.callback().timestampTolerance();
        if (request.paidAt().isAfter(clock.instant().plus(tolerance))) {
            throw ProblemException.invalid("paidAt", "validation.paid-at-future");
        }
        return callbacks.record(channel, request.billingCode(), amount.longValueExact(), request.channelReference(),
                request.paidAt())
                .map(result -> Response.ok(result.receipt()).header(REPLAYED_HEADER, result.replay()).build());
    }
}
