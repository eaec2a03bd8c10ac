package id.go.imigrasi.mpaspor.platform.problem;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by use cases to answer with {@code application/problem+json}. The mapper localizes the title, the
 * detail and each field error; nothing the request tried to change is kept, because the exception rolls back
 * the transaction it leaves.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient List<Object> detailArgs;
    private final List<FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(ProblemType type, List<Object> detailArgs, List<FieldError> errors, Duration retryAfter) {
        super(type.slug() + (detailArgs.isEmpty() ? "" : " " + detailArgs));
        this.type = type;
        this.detailArgs = List.copyOf(detailArgs);
        this.errors = List.copyOf(errors);
        this.retryAfter = retryAfter;
    }

    public static ProblemException of(ProblemType type, Object... detailArgs) {
        return new ProblemException(type, List.of(detailArgs), List.of(), null);
    }

    /** 400 with the offending fields. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(CommonProblem.VALIDATION, List.of(), errors, null);
    }

    public static ProblemException invalid(String field, String code, Object... args) {
        return invalid(List.of(FieldError.of(field, code, args)));
    }

    /** 429 or 503 (or any type) with the {@code Retry-After} the client must honour. */
    public static ProblemException retryLater(ProblemType type, Duration retryAfter, Object... detailArgs) {
        return new ProblemException(type, List.of(detailArgs), List.of(), retryAfter);
    }

    public ProblemType type() {
        return type;
    }

    public List<Object> detailArgs() {
        return detailArgs;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
