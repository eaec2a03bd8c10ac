package id.go.imigrasi.mpaspor.billing.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.go.imigrasi.mpaspor.billing.config.BillingConfig;
import id.go.imigrasi.mpaspor.billing.domain.Tariff;
import id.go.imigrasi.mpaspor.contracts.application.SubmittedApplicant;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/**
 * What a passport costs, from the tariff bills are priced with ({@link Tariff}, PP 45/2024): the price list, and a
 * quote for one applicant (kind, validity, same-day service, birth date for the minors' rule). Public: the website's
 * fee calculator and mobile apps ask it before anyone has an account.
 */
@IdempotentReads
@Path("/fees")
@Tag(name = "fees", description = "The PNBP tariff and a quote for a choice of passport and service")
@Produces(MediaType.APPLICATION_JSON)
public class FeeResource {

    public record PassportFee(String passportKind, int validityYears, long amount) {
    }

    public record FeeList(String currency, String source, List<PassportFee> passports, long sameDaySurcharge,
            int adultAge, int minorMaxValidityYears) {
    }

    public record QuoteLine(String item, String description, long amount) {
    }

    public record Quote(String currency, List<QuoteLine> lines, long total) {
    }

    private final BillingConfig config;
    private final Tariff tariff;

    public FeeResource(BillingConfig config) {
        this.config = config;
        this.tariff = new Tariff(config.fees(), config.timeZone());
    }

    @GET
    @PermitAll
    @Operation(operationId = "listFees", summary = "The passport fees (PNBP, PP 45/2024) in whole rupiah: per kind and validity, the same-day"
            + " surcharge per applicant, and the minors' rule")
    public FeeList list() {
        List<PassportFee> passports = new ArrayList<>();
        new TreeMap<>(config.fees().passport()).forEach((key, amount) -> {
            int dash = key.lastIndexOf('-');
            passports.add(new PassportFee(key.substring(0, dash).toUpperCase(Locale.ROOT),
                    Integer.parseInt(key.substring(dash + 1)), amount));
        });
        return new FeeList("IDR", "PP 45/2024", passports, config.fees().sameDaySurcharge(), config.fees().adultAge(),
                config.fees().minorMaxValidityYears());
    }

    @GET
    @Path("quote")
    @PermitAll
    @Operation(operationId = "quoteFee", summary = "What one applicant pays, priced exactly as the bill will be",
            description = "400 with field errors when the tariff cannot price it (an unknown kind or validity, a minor"
                    + " asking for more than the minors' maximum validity).")
    public Quote quote(@QueryParam("passportKind") @Parameter(description = "ORDINARY or ELECTRONIC") String kind,
            @QueryParam("validityYears") @Parameter(description = "5 or 10") String validity,
            @QueryParam("sameDay") @Parameter(description = "same-day service (percepatan)") boolean sameDay,
            @QueryParam("birthDate") @Parameter(description = "yyyy-MM-dd; a minor may have 5 years at most")
            String birthDate) {
        String k = kind == null ? "" : kind.trim().toUpperCase(Locale.ROOT);
        if (!k.equals("ORDINARY") && !k.equals("ELECTRONIC")) {
            throw ProblemException.invalid("passportKind", "validation.passport-kind");
        }
        int years;
        try {
            years = Integer.parseInt(validity == null ? "" : validity.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("validityYears", "validation.validity-years");
        }
        if (!config.fees().passport().containsKey(k.toLowerCase(Locale.ROOT) + "-" + years)) {
            throw ProblemException.invalid("validityYears", "validation.validity-years");
        }
        LocalDate born = null;
        if (birthDate != null && !birthDate.isBlank()) {
            try {
                born = LocalDate.parse(birthDate.trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("birthDate", "validation.date-format");
            }
        }
        List<Tariff.Line> lines;
        try {
            lines = tariff.linesFor(List.of(new SubmittedApplicant(null, "-", null, born, k, years, sameDay)),
                    Instant.now());
        } catch (Tariff.UnpriceableApplicant e) {
            throw ProblemException.invalid("validityYears", "validation.minor-validity",
                    config.fees().minorMaxValidityYears());
        }
        return new Quote("IDR", lines.stream().map(l -> new QuoteLine(l.item(), l.description(), l.amount())).toList(),
                Tariff.total(lines));
    }
}
