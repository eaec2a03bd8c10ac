package id.go.imigrasi.mpaspor.ops;

import id.go.imigrasi.mpaspor.platform.problem.ProblemType;

/** The problems the ops console answers with; texts in messages.properties (id) and messages_en.properties. */
public final class OpsProblem {

    /** The dead-letter topic no longer holds a record at that offset. */
    public static final ProblemType DEAD_LETTER_NOT_FOUND = ProblemType.of("dead-letter-not-found", 404);
    /** The dead letter does not say which topic it came from: it cannot be re-driven. */
    public static final ProblemType DEAD_LETTER_WITHOUT_ORIGIN = ProblemType.of("dead-letter-without-origin", 422);
    /** The caller's token has neither the group ops nor admin. */
    public static final ProblemType OPS_ONLY = ProblemType.of("ops-only", 403);
    /** The form did not carry the session's CSRF token. */
    public static final ProblemType CSRF = ProblemType.of("csrf-token-invalid", 403);

    private OpsProblem() {
    }
}
