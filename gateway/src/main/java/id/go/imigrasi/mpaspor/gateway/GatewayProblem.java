package id.go.imigrasi.mpaspor.gateway;

import id.go.imigrasi.mpaspor.platform.problem.ProblemType;

/** The gateway's own problems, on top of the platform's common ones (unauthorized, not-found). */
public final class GatewayProblem {

    /** A token was sent but it is expired, forged or not ours. */
    public static final ProblemType INVALID_TOKEN = ProblemType.of("invalid-token", 401);
    /** One client (IP or account) sent more than its share; {0} names the limit. */
    public static final ProblemType RATE_LIMITED = ProblemType.of("rate-limited", 429);
    /** The service behind the route did not accept the connection or did not answer in time; {0} names it. */
    public static final ProblemType UPSTREAM_UNAVAILABLE = ProblemType.of("upstream-unavailable", 503);

    /** The path has no canonical form ({@code ..}, an encoded slash, a control character); {0} says why. */
    public static final ProblemType PATH_NOT_CANONICAL = ProblemType.of("path-not-canonical", 400);

    /** The request line is longer than the gateway reads. */
    public static final ProblemType URI_TOO_LONG = ProblemType.of("uri-too-long", 414);
    /** The request's headers are larger than the gateway reads. */
    public static final ProblemType HEADERS_TOO_LARGE = ProblemType.of("headers-too-large", 431);

    private GatewayProblem() {
    }
}
