package id.go.imigrasi.mpaspor.web.api;

/** The API shed the request (429/503 with Retry-After) or did not answer: the page says so and tries again. */
public class ApiBusy extends RuntimeException {

    private final long retryAfterSeconds;

    public ApiBusy(long retryAfterSeconds) {
        super("API busy, retry after " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
