package id.go.imigrasi.mpaspor.platform.problem;

/** Problems every service can answer with. */
public enum CommonProblem implements ProblemType {
    VALIDATION("validation", 400),
    MALFORMED_REQUEST("malformed-request", 400),
    UNAUTHORIZED("unauthorized", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    CONFLICT("conflict", 409),
    /** Another request changed the same data at the same moment ({@link ConcurrentChange}): send it again. */
    CONCURRENT_CHANGE("concurrent-change", 409),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    URI_TOO_LONG("uri-too-long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    TOO_MANY_REQUESTS("too-many-requests", 429),
    REQUEST_HEADER_FIELDS_TOO_LARGE("request-header-fields-too-large", 431),
    INTERNAL("internal-error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", 503);

    private final String slug;
    private final int status;

    CommonProblem(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    @Override
    public String slug() {
        return slug;
    }

    @Override
    public int status() {
        return status;
    }

    /** For a status the framework chose: its 400 means the request could not be read. */
    public static CommonProblem forStatus(int status) {
        if (status == 400) {
            return MALFORMED_REQUEST;
        }
        for (CommonProblem p : values()) {
            if (p.status == status) {
                return p;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
