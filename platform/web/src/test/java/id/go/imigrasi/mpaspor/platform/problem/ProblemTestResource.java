package id.go.imigrasi.mpaspor.platform.problem;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;
import io.quarkus.security.Authenticated;

/** Endpoints of the test application that fail the ways real ones do. */
@Path("/test")
public class ProblemTestResource {

    enum TestProblem implements ProblemType {
        QUOTA_FULL;

        @Override
        public String slug() {
            return "quota-full";
        }

        @Override
        public int status() {
            return 409;
        }
    }

    public enum PassportKind {
        ORDINARY, ELECTRONIC
    }

    public record Applicant(@NotBlank String fullName, @NotBlank @Pattern(regexp = "\\d{16}") String nik,
            @Min(5) @Max(10) int validityYears, PassportKind passportKind) {
    }

    public record Application(@NotEmpty List<@Valid Applicant> applicants) {
    }

    private final Caller caller;

    public ProblemTestResource(Caller caller) {
        this.caller = caller;
    }

    @POST
    @Path("/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Application create(@Valid Application application) {
        return application;
    }

    @GET
    @Path("/quota-full")
    public String quotaFull() {
        throw ProblemException.of(TestProblem.QUOTA_FULL, "REGULAR", "2026-12-01");
    }

    @GET
    @Path("/blank-name")
    public String blankName() {
        // a service's own check reporting a Bean Validation kind of error (account-service's registration does)
        throw ProblemException.invalid("name", "jakarta.validation.constraints.NotBlank.message");
    }

    @GET
    @Path("/nik")
    public String nik() {
        throw ProblemException.invalid("applicants[0].birthDate", "nik.birth-date-mismatch");
    }

    @GET
    @Path("/busy")
    public String busy() {
        throw ProblemException.retryLater(CommonProblem.SERVICE_UNAVAILABLE, Duration.ofMillis(6_500));
    }

    @GET
    @Path("/too-many")
    public String tooMany() {
        throw ProblemException.of(CommonProblem.TOO_MANY_REQUESTS);
    }

    /** What PostgreSQL answers the loser of a deadlock, wrapped as a data layer wraps it. */
    @GET
    @Path("/deadlock")
    public String deadlock() {
        throw new IllegalStateException("flush failed",
                new java.sql.SQLException("ERROR: deadlock detected", "40P01"));
    }

    /**
     * What PostgreSQL answers the second of two requests that insert the same key at the same moment, when the code
     * before the insert found no row (a check-then-insert race), as the reactive client reports it.
     */
    @GET
    @Path("/same-key")
    public String sameKey() {
        throw new IllegalStateException("insert failed", new java.sql.SQLException(
                "ERROR: duplicate key value violates unique constraint \"account_email_key\"", "23505"));
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internals: connection string postgres://...");
    }

    @GET
    @Path("/page")
    public String page(@QueryParam("size") @Min(1) @Max(100) int size) {
        return "size " + size;
    }

    @GET
    @Path("/echo/{value}")
    public String echo(@PathParam("value") String value) {
        return value;
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.APPLICANT)
    public String me() {
        return caller.accountId();
    }

    @GET
    @Path("/accounts/{owner}")
    @Authenticated
    public String account(@PathParam("owner") String owner) {
        caller.requireOwner(owner);
        return "account " + owner;
    }

    @GET
    @Path("/offices/{office}/queue")
    @RolesAllowed({ Roles.OFFICER, Roles.ADMIN })
    public String queue(@PathParam("office") String office) {
        caller.requireOffice(office);
        return "queue of " + office;
    }
}
