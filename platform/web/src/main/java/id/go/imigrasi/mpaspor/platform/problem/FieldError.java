package id.go.imigrasi.mpaspor.platform.problem;

import java.util.List;

/**
 * One offending field: {@code field} is its JSON path ({@code applicants[1].nik}), {@code code} a stable message
 * key integrators may switch on, {@code args} the values the localized message needs.
 */
public record FieldError(String field, String code, List<Object> args) {

    public static FieldError of(String field, String code, Object... args) {
        return new FieldError(field, code, List.of(args));
    }
}
