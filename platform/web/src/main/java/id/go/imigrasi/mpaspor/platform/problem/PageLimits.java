package id.go.imigrasi.mpaspor.platform.problem;

/**
 * A list's {@code limit} query parameter, read by the service rather than the framework: Quarkus REST answers a query
 * parameter it cannot convert to its Java type with 404 (the Jakarta REST rule), which tells an integrator that the
 * list does not exist. Absent or blank is the fallback; a whole number is read as it always was, clamped to 1..max
 * (so a request that worked before still does); anything else is 400 with a field error on the parameter
 * ({@code validation.page-limit}).
 */
public final class PageLimits {

    private PageLimits() {
    }

    public static int parse(String parameter, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String number = value.strip();
        String digits = number.startsWith("-") || number.startsWith("+") ? number.substring(1) : number;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.invalid(parameter, "validation.page-limit", String.valueOf(max));
        }
        if (number.startsWith("-")) {
            return 1;
        }
        return digits.length() > 9 ? max : Math.max(1, Math.min(max, Integer.parseInt(digits)));
    }
}
