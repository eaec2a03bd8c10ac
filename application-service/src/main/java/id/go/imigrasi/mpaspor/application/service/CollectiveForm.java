package id.go.imigrasi.mpaspor.application.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.PassportKind;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/**
 * Checks a collective batch as entered, all rules at once, and answers 400 with every offending field: the
 * organisation and its coordinator, the visit (date not in the past, session), the passport kind, 1 to
 * {@code maxMembers} people, each by {@link ApplicantForm}'s rules (its errors named {@code applicants[i].<field>}),
 * each of the batch's passport kind and without same-day service (the batch takes walk-in places), and each NIK only
 * once in the batch. Only a clean batch becomes {@link Checked}.
 */
public final class CollectiveForm {

    private static final int MAX_TEXT = 200;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The checked batch: its people as applicants (not stored yet). */
    public record Checked(String organisation, String contactName, String contactEmail, String contactPhone,
            LocalDate date, String session, PassportKind passportKind, List<Applicant> people) {
    }

    private CollectiveForm() {
    }

    public static Checked check(CollectiveBatchRequest r, LocalDate today, int maxMembers, int adultAge,
            int minorMaxValidity) {
        if (r == null) {
            throw ProblemException.invalid("", "validation.required");
        }
        List<FieldError> errors = new ArrayList<>();
        text(errors, "organisation", r.organisation());
        CollectiveBatchRequest.Contact contact = r.contact();
        if (contact == null) {
            errors.add(FieldError.of("contact", "validation.required"));
        } else {
            text(errors, "contact.name", contact.name());
            if (blank(contact.email())) {
                errors.add(FieldError.of("contact.email", "validation.required"));
            } else if (contact.email().length() > MAX_TEXT || !EMAIL.matcher(contact.email().trim()).matches()) {
                errors.add(FieldError.of("contact.email", "collective.email-format"));
            }
            if (blank(contact.phone())) {
                errors.add(FieldError.of("contact.phone", "validation.required"));
            } else if (!ApplicantForm.PHONE.matcher(contact.phone().replaceAll("[\\s-]", "")).matches()) {
                errors.add(FieldError.of("contact.phone", "validation.phone-format"));
            }
        }
        if (r.date() == null) {
            errors.add(FieldError.of("date", "validation.required"));
        } else if (r.date().isBefore(today)) {
            errors.add(FieldError.of("date", "collective.date-past"));
        }
        String session = null;
        if (blank(r.session())) {
            errors.add(FieldError.of("session", "validation.required"));
        } else {
            session = r.session().trim().toUpperCase(Locale.ROOT);
            if (!session.equals("MORNING") && !session.equals("AFTERNOON")) {
                errors.add(FieldError.of("session", "collective.session-value"));
            }
        }
        PassportKind kind = null;
        if (blank(r.passportKind())) {
            errors.add(FieldError.of("passportKind", "validation.required"));
        } else {
            try {
                kind = PassportKind.valueOf(r.passportKind().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                errors.add(FieldError.of("passportKind", "validation.passport-kind-value"));
            }
        }
        List<Applicant> people = new ArrayList<>();
        if (r.applicants() == null || r.applicants().isEmpty()) {
            errors.add(FieldError.of("applicants", "collective.members-count", maxMembers));
        } else if (r.applicants().size() > maxMembers) {
            errors.add(FieldError.of("applicants", "collective.members-count", maxMembers));
        } else {
            Map<String, Integer> firstOf = new HashMap<>();
            for (int i = 0; i < r.applicants().size(); i++) {
                String prefix = "applicants[" + i + "].";
                ApplicantRequest member = r.applicants().get(i);
                Applicant person = new Applicant();
                try {
                    ApplicantForm.apply(member, person, today, adultAge, minorMaxValidity);
                } catch (ProblemException invalid) {
                    for (FieldError e : invalid.errors()) {
                        errors.add(new FieldError(e.field().isEmpty() ? "applicants[" + i + "]" : prefix + e.field(),
                                e.code(), e.args()));
                    }
                    person = null;
                }
                if (member != null && member.nik() != null) {
                    Integer first = firstOf.putIfAbsent(member.nik().trim(), i);
                    if (first != null) {
                        errors.add(FieldError.of(prefix + "nik", "collective.nik-twice", first + 1));
                    }
                }
                if (person == null) {
                    continue;
                }
                if (kind != null && person.passportKind != kind) {
                    errors.add(FieldError.of(prefix + "questionnaire.passportKind", "collective.passport-kind-differs",
                            kind.name()));
                }
                if (person.sameDayService) {
                    errors.add(FieldError.of(prefix + "questionnaire.sameDayService", "collective.no-same-day"));
                }
                people.add(person);
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Checked(r.organisation().trim(), contact.name().trim(), contact.email().trim(),
                contact.phone().replaceAll("[\\s-]", ""), r.date(), session, kind, people);
    }

    /** The errors of a NIK already in another active application: one per member, by position. */
    public static List<FieldError> nikConflicts(List<Applicant> people, List<String> activeNiks) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (activeNiks.contains(people.get(i).nik)) {
                errors.add(FieldError.of("applicants[" + i + "].nik", "collective.nik-in-active-application"));
            }
        }
        return errors;
    }

    private static void text(List<FieldError> errors, String field, String value) {
        if (blank(value)) {
            errors.add(FieldError.of(field, "validation.required"));
        } else if (value.length() > MAX_TEXT) {
            errors.add(FieldError.of(field, "validation.too-long", MAX_TEXT));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
