package id.go.imigrasi.mpaspor.platform.problem;

/**
 * A list's {@code limit} query parameter, read by the service rather than the framework: Quarkus REST answers a query
 * parameter it cannot convert to its Java type with 404 (the Jakarta REST rule), which tells an integrator that the
 * list does not exist. Absent or blank is the fallback; anything but a whole number from 1 to the maximum is 400
 * with a field error on the parameter ({@code validation.page-limit}).
 */
public final class PageLimits {

    private PageLimits() {
    }

    public static int parse(String parameter, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String digits = value.strip();
        if (digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.invalid(parameter, "validation.page-limit", String.valueOf(max));
        }
        int limit = Integer.parseInt(digits);
        if (limit < 1 || limit > max) {
            throw ProblemException.invalid(parameter, "validation.page-limit", String.valueOf(max));
        }
        return limit;
    }
}
