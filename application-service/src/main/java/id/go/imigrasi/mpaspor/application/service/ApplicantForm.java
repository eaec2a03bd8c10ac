package id.go.imigrasi.mpaspor.application.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.Authority;
import id.go.imigrasi.mpaspor.application.domain.ApplicationType;
import id.go.imigrasi.mpaspor.application.domain.DocumentRequirements;
import id.go.imigrasi.mpaspor.application.domain.Nik;
import id.go.imigrasi.mpaspor.application.domain.PassportKind;
import id.go.imigrasi.mpaspor.application.domain.Sex;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/**
 * Checks an applicant as entered, all rules at once, and answers with every offending field: required fields,
 * the NIK rules (each mismatch its own error), the questionnaire (LOST/DAMAGED are for the office; minors at
 * most the minor validity), the holder's declaration of authority (a minor only by a parent or guardian: alone, a
 * wrong declaration is 422 {@code authority-not-declared}). Only a clean form becomes an {@link Applicant}.
 */
public final class ApplicantForm {

    /** An Indonesian mobile number, matched after spaces and hyphens are removed (also the batch contact's). */
    static final Pattern PHONE = Pattern.compile("^(\\+62|62|0)8[0-9]{7,12}$");
    private static final int MAX_TEXT = 200;

    private ApplicantForm() {
    }

    /** Copies the checked request onto {@code target}; throws 400 with every field error otherwise. */
    public static void apply(ApplicantRequest r, Applicant target, LocalDate today, int adultAge, int minorMaxValidity) {
        if (r == null) {
            throw ProblemException.invalid("", "validation.required");
        }
        List<FieldError> errors = new ArrayList<>();
        Authority authority = null;
        FieldError declaration = null;
        if (blank(r.authority())) {
            declaration = FieldError.of("authority", "validation.authority-required");
        } else {
            authority = parse(Authority.class, r.authority());
            if (authority == null) {
                declaration = FieldError.of("authority", "validation.authority-value");
            } else if (r.birthDate() != null && !r.birthDate().isAfter(today)
                    && !authority.allowedFor(r.birthDate(), today, adultAge)) {
                declaration = FieldError.of("authority", "validation.authority-minor", adultAge);
            }
        }
        text(errors, "fullName", r.fullName());
        text(errors, "birthPlace", r.birthPlace());
        text(errors, "motherName", r.motherName());
        text(errors, "address", r.address());
        Sex sex = null;
        if (blank(r.sex())) {
            errors.add(FieldError.of("sex", "validation.required"));
        } else {
            sex = parse(Sex.class, r.sex());
            if (sex == null) {
                errors.add(FieldError.of("sex", "validation.sex-value"));
            }
        }
        if (r.birthDate() == null) {
            errors.add(FieldError.of("birthDate", "validation.required"));
        } else if (r.birthDate().isAfter(today)) {
            errors.add(FieldError.of("birthDate", "validation.birth-date-future"));
        }
        if (blank(r.phone())) {
            errors.add(FieldError.of("phone", "validation.required"));
        } else if (!PHONE.matcher(r.phone().replaceAll("[\\s-]", "")).matches()) {
            errors.add(FieldError.of("phone", "validation.phone-format"));
        }
        if (blank(r.nik())) {
            errors.add(FieldError.of("nik", "validation.required"));
        } else {
            for (Nik.Violation v : Nik.check(r.nik(), r.birthDate(), sex)) {
                errors.add(FieldError.of(v.field(), v.code()));
            }
        }

        ApplicantRequest.Questionnaire q = r.questionnaire();
        ApplicationType type = null;
        PassportKind kind = null;
        if (q == null) {
            errors.add(FieldError.of("questionnaire", "validation.required"));
        } else {
            if (blank(q.applicationType())) {
                errors.add(FieldError.of("questionnaire.applicationType", "validation.required"));
            } else {
                type = parse(ApplicationType.class, q.applicationType());
                if (type == null) {
                    errors.add(FieldError.of("questionnaire.applicationType", "validation.application-type-value"));
                } else if (!type.bookableOnline()) {
                    errors.add(FieldError.of("questionnaire.applicationType", "validation.application-type-at-office"));
                }
            }
            if (blank(q.passportKind())) {
                errors.add(FieldError.of("questionnaire.passportKind", "validation.required"));
            } else {
                kind = parse(PassportKind.class, q.passportKind());
                if (kind == null) {
                    errors.add(FieldError.of("questionnaire.passportKind", "validation.passport-kind-value"));
                }
            }
            if (q.validityYears() == null) {
                errors.add(FieldError.of("questionnaire.validityYears", "validation.required"));
            } else if (q.validityYears() != 5 && q.validityYears() != 10) {
                errors.add(FieldError.of("questionnaire.validityYears", "validation.validity-value"));
            } else if (r.birthDate() != null && !r.birthDate().isAfter(today)
                    && DocumentRequirements.isMinor(r.birthDate(), today, adultAge) && q.validityYears() > minorMaxValidity) {
                errors.add(FieldError.of("questionnaire.validityYears", "validation.validity-minor", minorMaxValidity,
                        adultAge));
            }
            if (q.sameDayService() == null) {
                errors.add(FieldError.of("questionnaire.sameDayService", "validation.required"));
            }
            text(errors, "questionnaire.travelPurpose", q.travelPurpose());
        }
        if (declaration != null) {
            if (errors.isEmpty()) {
                throw new ProblemException(ApplicationProblem.AUTHORITY_NOT_DECLARED, List.of(), List.of(declaration),
                        null);
            }
            errors.add(declaration);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        target.authority = authority;
        target.fullName = r.fullName().trim();
        target.nik = r.nik();
        target.birthDate = r.birthDate();
        target.birthPlace = r.birthPlace().trim();
        target.sex = sex;
        target.motherName = r.motherName().trim();
        target.address = r.address().trim();
        target.phone = r.phone().replaceAll("[\\s-]", "");
        target.applicationType = type;
        target.passportKind = kind;
        target.validityYears = q.validityYears();
        target.sameDayService = q.sameDayService();
        target.travelPurpose = q.travelPurpose().trim();
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

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
