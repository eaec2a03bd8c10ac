package id.go.imigrasi.mpaspor.application.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.ApplicationType;
import id.go.imigrasi.mpaspor.application.domain.DocumentRequirements;
import id.go.imigrasi.mpaspor.application.service.ApplicationViews.Limits;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/**
 * The document advisor: before anyone has an account, which documents a kind of applicant needs, from the same
 * {@link DocumentRequirements} an application's checklist and its submission are held to, so the advice never
 * differs from what will be asked. A birth date (or "minor") chooses the minors' set and their validity limit;
 * lost and damaged passports are answered with what to bring to the office, where they are handled.
 */
@ApplicationScoped
public class DocumentAdvice {

    /** One document (or one of several) the applicant needs. */
    @Schema(name = "AdvisedDocument", description = "A document the applicant needs: any one of acceptedDocuments satisfies it")
    public record Line(String code, List<String> acceptedDocuments, boolean required) {
    }

    /** The advice for one kind of applicant. */
    @Schema(name = "DocumentAdvice", description = "The documents one kind of applicant needs, and how they are sent")
    public record Advice(
            @Schema(description = "NEW, RENEWAL, NAME_CHANGE, LOST or DAMAGED") String applicationType,
            @Schema(description = "Younger than adultAge: the minors' documents and validity") boolean minor,
            int adultAge,
            @Schema(description = "The longest validity this applicant may ask for; null when any offered validity") Integer maxValidityYears,
            @Schema(description = "false for lost and damaged passports: handled at the office, never booked online") boolean bookableOnline,
            @Schema(description = "Uploaded with the online application (empty when not bookable online)") List<Line> documents,
            @Schema(description = "Brought to the office instead (lost or damaged passports; the officer records the examination there)") List<String> bringToTheOffice,
            @Schema(description = "What every uploaded file must be") Limits limits) {
    }

    private final ApplicationConfig config;
    private final Clock clock;

    public DocumentAdvice(ApplicationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * The advice, or 400 with field errors (nothing else happens: this reads no data): an unknown type, a birth
     * date that is not {@code yyyy-MM-dd} or lies in the future, a {@code minor} that is not true or false.
     */
    public Advice advise(String applicationType, String birthDate, String minor) {
        ApplicationType type = type(applicationType);
        LocalDate today = LocalDate.now(clock.withZone(config.timeZone()));
        boolean isMinor;
        if (birthDate != null && !birthDate.isBlank()) {
            LocalDate born;
            try {
                born = LocalDate.parse(birthDate.trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("birthDate", "validation.date-format");
            }
            if (born.isAfter(today)) {
                throw ProblemException.invalid("birthDate", "validation.birth-date-future");
            }
            isMinor = DocumentRequirements.isMinor(born, today, config.adultAge());
        } else if (minor == null || minor.isBlank()) {
            isMinor = false;
        } else if (minor.trim().equalsIgnoreCase("true") || minor.trim().equalsIgnoreCase("false")) {
            isMinor = Boolean.parseBoolean(minor.trim());
        } else {
            throw ProblemException.invalid("minor", "validation.not-one-of", "true, false");
        }
        List<Line> documents = type.bookableOnline()
                ? DocumentRequirements.forApplicant(type, isMinor).stream()
                        .map(r -> new Line(r.code(), r.acceptedDocuments().stream().map(Enum::name).toList(),
                                r.required()))
                        .toList()
                : List.of();
        var limits = config.documents();
        return new Advice(type.name(), isMinor, config.adultAge(), isMinor ? config.minorMaxValidityYears() : null,
                type.bookableOnline(), documents, DocumentRequirements.toBringToTheOffice(type, isMinor),
                new Limits(limits.acceptedTypes(), limits.maxBytes(), limits.minImageWidth(),
                        limits.minImageHeight()));
    }

    private static ApplicationType type(String value) {
        String all = Arrays.stream(ApplicationType.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid("applicationType", "validation.required");
        }
        try {
            return ApplicationType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("applicationType", "validation.not-one-of", all);
        }
    }
}
