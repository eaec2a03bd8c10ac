package id.go.imigrasi.mpaspor.platform.problem;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids in a path. An id that cannot be one (not a UUID) names nothing that could exist: the answer is 400 with a
 * field error on the path parameter ({@code validation.not-an-id}), so an integrator sees a bug in the request, not
 * a resource that is missing (issue 21). Only the canonical 36-character form is an id ({@link UUID#fromString}
 * alone would take {@code 1-1-1-1-1}).
 */
public final class PathIds {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathIds() {
    }

    public static UUID uuid(String parameter, String value) {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw ProblemException.invalid(parameter, "validation.not-an-id");
        }
        return UUID.fromString(value);
    }
}
