package id.go.imigrasi.mpaspor.application.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The status check without login (issue 22): whoever holds the application number and one applicant's NIK and birth
 * date (a relative at the office, the applicant on a borrowed phone) sees the application's state, and nothing
 * else: no name, no office, no date, no document. Every way of not matching (no such application, a NIK not on it,
 * another birth date) is the same 404, so the check cannot tell which part was wrong. The gateway limits it per
 * client address (its own bucket, as logins), and the application number is a random UUID that only the account
 * holder was given.
 */
@ApplicationScoped
public class StatusLookup {

    @Schema(name = "StatusQuery", description = "The application number and one of its applicants' NIK and birth date")
    public record Query(@Schema(examples = "3f2b8c1e-6a4d-4e9b-8f7a-1c2d3e4f5a60", required = true) String applicationId,
            @Schema(examples = "3171014101900001", required = true) String nik,
            @Schema(examples = "1990-01-01", format = "date", required = true) String birthDate) {
    }

    @Schema(name = "ApplicationState", description = "The state of an application, without any personal data")
    public record State(@Schema(description = "DRAFT, SUBMITTED, AWAITING_PAYMENT, PAID, SCHEDULED, ..., DELIVERED,"
            + " CANCELLED, REJECTED (as on GET /applications/{id})", examples = "AWAITING_PAYMENT") String status,
            @Schema(description = "When the application last changed") Instant since) {
    }

    private final ApplicationRepository applications;
    private final ApplicantRepository applicants;

    public StatusLookup(ApplicationRepository applications, ApplicantRepository applicants) {
        this.applications = applications;
        this.applicants = applicants;
    }

    /** The state, 404 {@code application-status-not-found} for any mismatch, 400 with field errors for bad input. */
    public Uni<State> lookup(Query query) {
        Checked q = checked(query);
        return Panache.withSession(() -> applicants.onApplicationWithNik(q.applicationId(), q.nik())
                .chain(people -> people.stream().anyMatch(a -> q.birthDate().equals(a.birthDate))
                        ? applications.findById(q.applicationId()) : Uni.createFrom().nullItem())
                .map(app -> {
                    if (app == null) {
                        throw ProblemException.of(ApplicationProblem.STATUS_NOT_FOUND);
                    }
                    return new State(app.status.name(), app.updatedAt);
                }));
    }

    private record Checked(UUID applicationId, String nik, LocalDate birthDate) {
    }

    private static Checked checked(Query query) {
        if (query == null) {
            throw ProblemException.invalid("", "validation.required");
        }
        List<FieldError> errors = new ArrayList<>();
        UUID id = null;
        try {
            id = query.applicationId() == null ? null : UUID.fromString(query.applicationId().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (id == null) {
            errors.add(FieldError.of("applicationId", "validation.application-number"));
        }
        String nik = query.nik() == null ? "" : query.nik().strip();
        if (!nik.matches("\\d{16}")) {
            errors.add(FieldError.of("nik", "validation.nik-format"));
        }
        LocalDate birthDate = null;
        try {
            birthDate = query.birthDate() == null ? null : LocalDate.parse(query.birthDate().strip());
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (birthDate == null) {
            errors.add(FieldError.of("birthDate", "validation.date-format"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Checked(id, nik, birthDate);
    }
}
