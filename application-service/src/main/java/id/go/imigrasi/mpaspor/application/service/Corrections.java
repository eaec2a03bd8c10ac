package id.go.imigrasi.mpaspor.application.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.ApplicantCorrection;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.CorrectionRules;
import id.go.imigrasi.mpaspor.application.domain.Party;
import id.go.imigrasi.mpaspor.application.domain.TimelineEntry;
import id.go.imigrasi.mpaspor.application.repository.ApplicantCorrectionRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.application.repository.TimelineRepository;
import id.go.imigrasi.mpaspor.contracts.application.ApplicantDataCorrected;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Correcting an applicant's data after submission (issue 22): by the applicant, or by an officer of the office the
 * application is booked at (an admin too). What may change and until when is {@link CorrectionRules}'; the values
 * are checked as when the applicant was entered ({@link ApplicantForm}'s rules). Each changed field leaves an audit
 * row (who, when, old and new value, reason), the timeline an {@code APPLICANT_DATA_CORRECTED} entry (the fields, not
 * the values), and {@code ApplicantDataCorrected} goes out through the outbox, all in one transaction.
 */
@ApplicationScoped
public class Corrections {

    /** One audit row as shown to the applicant and the office. */
    public record CorrectionView(UUID id, String field, String oldValue, String newValue, String reason,
            String correctedBy, String correctedByRole, String assistedBy, Instant correctedAt) {
    }

    /** The answer to a correction: the rows it wrote (none when every value was already so). */
    public record Corrected(UUID applicantId, List<CorrectionView> corrections) {
    }

    private static final int MAX_TEXT = 200;

    private final ApplicationRepository applications;
    private final ApplicantRepository applicants;
    private final ApplicantCorrectionRepository corrections;
    private final TimelineRepository entries;
    private final Timeline timeline;
    private final Outbox outbox;
    private final Clock clock;
    private final ObjectMapper json;

    public Corrections(ApplicationRepository applications, ApplicantRepository applicants,
            ApplicantCorrectionRepository corrections, TimelineRepository entries, Timeline timeline, Outbox outbox,
            Clock clock, ObjectMapper json) {
        this.applications = applications;
        this.applicants = applicants;
        this.corrections = corrections;
        this.entries = entries;
        this.timeline = timeline;
        this.outbox = outbox;
        this.clock = clock;
        this.json = json;
    }

    public Uni<Corrected> correct(UUID applicationId, UUID applicantId, CorrectionRequest request, Caller caller) {
        Map<CorrectionRules.Field, String> values = check(request);
        String reason = request.reason().trim();
        Instant now = clock.instant();
        return Panache.withTransaction(() -> applications.lock(applicationId)
                .map(app -> Access.readable(app, caller))
                .chain(app -> applicants.findById(applicantId).chain(applicant -> {
                    if (applicant == null || !applicant.applicationId.equals(app.id)) {
                        throw ProblemException.of(ApplicationProblem.APPLICANT_NOT_FOUND);
                    }
                    return entries.ofApplication(app.id).chain(history -> {
                        CorrectionRules.Window window = CorrectionRules.window(app.status,
                                checkedIn(history, applicantId));
                        switch (window) {
                            case NOT_SUBMITTED -> throw ProblemException.of(ApplicationProblem.CORRECTION_OF_DRAFT);
                            case CHECKED_IN -> throw ProblemException.of(ApplicationProblem.CORRECTION_AFTER_CHECK_IN);
                            case FINISHED -> throw ProblemException.of(ApplicationProblem.CORRECTION_OF_FINISHED,
                                    app.status.name());
                            case OPEN -> {
                            }
                        }
                        return apply(app, applicant, values, reason, caller, now);
                    });
                })));
    }

    @WithSession
    public Uni<List<CorrectionView>> ofApplicant(UUID applicationId, UUID applicantId, Caller caller) {
        return applications.findById(applicationId).map(app -> Access.readable(app, caller))
                .chain(app -> applicants.findById(applicantId).chain(applicant -> {
                    if (applicant == null || !applicant.applicationId.equals(app.id)) {
                        throw ProblemException.of(ApplicationProblem.APPLICANT_NOT_FOUND);
                    }
                    return corrections.ofApplicant(applicantId);
                }))
                .map(rows -> rows.stream().map(Corrections::view).toList());
    }

    private Uni<Corrected> apply(Application app, Applicant applicant, Map<CorrectionRules.Field, String> values,
            String reason, Caller caller, Instant now) {
        Party party = Access.party(app, caller);
        String assistedBy = caller.actor().map(Caller.Actor::officerId).orElse(null);
        List<ApplicantCorrection> rows = new ArrayList<>();
        values.forEach((field, value) -> {
            String old = field.current(applicant);
            if (value.equals(old)) {
                return;
            }
            ApplicantCorrection row = new ApplicantCorrection();
            row.id = UUID.randomUUID();
            row.applicationId = app.id;
            row.applicantId = applicant.id;
            row.field = field.key();
            row.oldValue = old;
            row.newValue = value;
            row.reason = reason;
            row.correctedBy = caller.accountId();
            row.correctedByRole = party;
            row.assistedBy = assistedBy;
            row.correctedAt = now;
            rows.add(row);
            field.set(applicant, value);
        });
        Corrected answer = new Corrected(applicant.id, rows.stream().map(Corrections::view).toList());
        if (rows.isEmpty()) {
            return Uni.createFrom().item(answer);
        }
        List<String> fields = rows.stream().map(r -> r.field).toList();
        app.updatedAt = now;
        Map<String, Object> details = new LinkedHashMap<>(DeskAssistance.recorded(caller,
                ApplicationFollower.details("applicantId", applicant.id, "by", party.name())));
        details.put("fields", fields);
        return corrections.persist(rows)
                .chain(() -> outbox.append(new ApplicantDataCorrected(app.id.toString(), applicant.id.toString(),
                        fields, caller.accountId(), party.name(), now)))
                .chain(eventId -> timeline.record(app.id, eventId.toString(), "APPLICANT_DATA_CORRECTED", now, null,
                        details))
                .replaceWith(answer);
    }

    /**
     * The request's form, every offending field at once: unknown fields and bad values 400; a field only the office
     * may change 422 {@code correction-at-office}, one field error each saying why (checked first: it is the answer
     * that tells the applicant where to go). Returns the normalised values.
     */
    static Map<CorrectionRules.Field, String> check(CorrectionRequest request) {
        List<FieldError> atOffice = new ArrayList<>();
        List<FieldError> invalid = new ArrayList<>();
        Map<CorrectionRules.Field, String> values = new LinkedHashMap<>();
        Map<String, String> fields = request == null ? null : request.fields();
        if (fields == null || fields.isEmpty()) {
            invalid.add(FieldError.of("fields", "validation.correction-empty"));
        } else {
            fields.forEach((name, value) -> {
                String path = "fields." + name;
                var why = CorrectionRules.officeOnly(name);
                if (why.isPresent()) {
                    atOffice.add(FieldError.of(path, why.get()));
                    return;
                }
                var field = CorrectionRules.Field.of(name);
                if (field.isEmpty()) {
                    invalid.add(FieldError.of(path, "validation.correction-field"));
                    return;
                }
                String normal = normalise(field.get(), value, path, invalid);
                if (normal != null) {
                    values.put(field.get(), normal);
                }
            });
        }
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank()) {
            invalid.add(FieldError.of("reason", "validation.required"));
        } else if (reason.trim().length() > CorrectionRequest.MAX_REASON) {
            invalid.add(FieldError.of("reason", "validation.too-long", CorrectionRequest.MAX_REASON));
        }
        if (!atOffice.isEmpty()) {
            throw new ProblemException(ApplicationProblem.CORRECTION_AT_OFFICE, List.of(), atOffice, null);
        }
        if (!invalid.isEmpty()) {
            throw ProblemException.invalid(invalid);
        }
        return values;
    }

    /** As ApplicantForm checks and stores it; null (and a field error) when it is not acceptable. */
    private static String normalise(CorrectionRules.Field field, String value, String path, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.of(path, "validation.required"));
            return null;
        }
        if (field == CorrectionRules.Field.PHONE) {
            String phone = value.replaceAll("[\\s-]", "");
            if (!ApplicantForm.PHONE.matcher(phone).matches()) {
                errors.add(FieldError.of(path, "validation.phone-format"));
                return null;
            }
            return phone;
        }
        if (value.trim().length() > MAX_TEXT) {
            errors.add(FieldError.of(path, "validation.too-long", MAX_TEXT));
            return null;
        }
        return value.trim();
    }

    /** Whether the applicant's check-in is on the timeline (CheckedIn from biometric-service). */
    private boolean checkedIn(List<TimelineEntry> history, UUID applicantId) {
        for (TimelineEntry entry : history) {
            if (!"CHECKED_IN".equals(entry.kind)) {
                continue;
            }
            try {
                if (applicantId.toString().equals(json.readTree(entry.details).path("applicantId").asText())) {
                    return true;
                }
            } catch (IOException unreadable) {
                // an entry we cannot read proves nothing
            }
        }
        return false;
    }

    private static CorrectionView view(ApplicantCorrection c) {
        return new CorrectionView(c.id, c.field, c.oldValue, c.newValue, c.reason, c.correctedBy,
                c.correctedByRole.name(), c.assistedBy, c.correctedAt);
    }
}
