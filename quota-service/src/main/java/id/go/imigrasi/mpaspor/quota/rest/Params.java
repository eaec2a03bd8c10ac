package id.go.imigrasi.mpaspor.quota.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/**
 * Query parameters are read here rather than by JAX-RS converters, which answer a bad value with a bare 404: a
 * bad value is a field error (problem+json, 400) naming the parameter.
 */
final class Params {

    private Params() {
    }

    static LocalDate date(String name, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "validation.wrong-type");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "validation.wrong-type");
        }
    }

    /** true or false (any case); anything else is a field error. */
    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "validation.wrong-type");
        };
    }

    /** A province's name: letters, spaces, dots, hyphens and apostrophes, at most 60; matched ignoring case. */
    static String province(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > 60 || !trimmed.matches("[\\p{L} .'-]+")) {
            throw ProblemException.invalid(name, "quota.province-format");
        }
        return trimmed;
    }

    static Double number(String name, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "validation.wrong-type");
        }
        if (Double.isNaN(d) || d < min || d > max) {
            throw ProblemException.invalid(name, "quota.out-of-range", min, max);
        }
        return d;
    }
}
