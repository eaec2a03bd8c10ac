package id.go.imigrasi.mpaspor.gateway.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public API's routing table: {@code /api/v1/<prefix>/**} to the service that serves {@code /<prefix>/**} at
 * its root, plus which routes are public at the edge. The longest matching prefix wins
 * ({@code /admin/offices} goes to quota-service, the rest of {@code /admin} to account-service), after the few
 * routes by pattern (an office's desk audit, {@code /admin/offices/{code}/desk-audit}, is biometric-service's). Paths are looked
 * up in their canonical form ({@link PathNormalizer}); the fixed parts are compared without regard to case, so
 * {@code /API/v1/Auth/LOGIN} is counted as a login wherever a service would route it.
 */
public final class RouteTable {

    public static final String PUBLIC_PREFIX = "/api/v1";
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    /** Longest prefixes first. */
    private static final List<Map.Entry<String, Upstream>> PREFIXES = List.of(
            Map.entry("/admin/offices", Upstream.QUOTA),
            // the desk's assisted registration (issue 19): an officer registers a person and acts for them
            Map.entry("/office/assisted-accounts", Upstream.ACCOUNT),
            Map.entry("/accounts", Upstream.ACCOUNT),
            Map.entry("/auth", Upstream.ACCOUNT),
            Map.entry("/admin", Upstream.ACCOUNT),
            Map.entry("/applications", Upstream.APPLICATION),
            Map.entry("/application-status", Upstream.APPLICATION),
            // the documents' tus uploads (issue 24): upload-service, deployed on its own
            Map.entry("/uploads", Upstream.UPLOAD),
            Map.entry("/document-requirements", Upstream.APPLICATION),
            Map.entry("/offices", Upstream.QUOTA),
            Map.entry("/holds", Upstream.QUOTA),
            Map.entry("/bookings", Upstream.QUOTA),
            Map.entry("/releases", Upstream.QUOTA),
            // "tell me when this office releases quota" (issue 22): a person's subscriptions, quota-service's
            Map.entry("/release-subscriptions", Upstream.QUOTA),
            Map.entry("/bills", Upstream.BILLING),
            Map.entry("/fees", Upstream.BILLING),
            Map.entry("/payments", Upstream.BILLING),
            Map.entry("/reconciliation", Upstream.BILLING),
            Map.entry("/appointments", Upstream.BIOMETRIC),
            // the collective service (issue 19): an officer's batches are application-service's
            Map.entry("/office/collective-batches", Upstream.APPLICATION),
            Map.entry("/office", Upstream.BIOMETRIC));

    /**
     * Paths of one service inside another's prefix, checked first: an office's desk audit (what its officers did,
     * issue 19) is biometric-service's, the rest of {@code /admin/offices} quota-service's.
     */
    private static final List<Map.Entry<java.util.regex.Pattern, Upstream>> PATTERNS = List.of(
            Map.entry(java.util.regex.Pattern.compile("(?i)/admin/offices/[^/]+/desk-audit"), Upstream.BIOMETRIC));

    /**
     * A release's waiting room and a ticket's position (polled or as Server-Sent Events): the signed ticket is the
     * credential there, checked by quota-service without any account token (joining and the hold pass need one).
     */
    private static final java.util.regex.Pattern WAITING_ROOM_BY_TICKET = java.util.regex.Pattern.compile(
            "(?i)/releases/[0-9a-f-]{36}/waiting-room(/position|/events)?");

    /** An office's bookings of the day: for its officers only, so the edge wants their token too. */
    private static final java.util.regex.Pattern OFFICE_BOOKINGS = java.util.regex.Pattern.compile(
            "(?i)/offices/[^/]+/bookings(/.*)?");

    private RouteTable() {
    }

    /**
     * The route of a canonical public request path (without query, see {@link PathNormalizer}), or empty: the
     * gateway answers 404 itself.
     */
    public static Optional<Route> match(String method, String path) {
        if (JWKS_PATH.equalsIgnoreCase(path)) {
            return Optional.of(new Route(Upstream.ACCOUNT, JWKS_PATH, true, Optional.empty()));
        }
        if (!isApi(path) || path.length() == PUBLIC_PREFIX.length()) {
            return Optional.empty();
        }
        String servicePath = path.substring(PUBLIC_PREFIX.length());
        if (servicePath.contains("/../") || servicePath.endsWith("/..")) {
            return Optional.empty();
        }
        for (Map.Entry<java.util.regex.Pattern, Upstream> entry : PATTERNS) {
            if (entry.getKey().matcher(servicePath).matches()) {
                return Optional.of(new Route(entry.getValue(), servicePath, isPublic(method, servicePath),
                        categoryOf(method, servicePath)));
            }
        }
        for (Map.Entry<String, Upstream> entry : PREFIXES) {
            if (under(servicePath, entry.getKey())) {
                Optional<LimitCategory> category = categoryOf(method, servicePath);
                return Optional.of(new Route(entry.getValue(), servicePath, isPublic(method, servicePath), category));
            }
        }
        return Optional.empty();
    }

    /** Whether a canonical path is the gateway's to route: under {@code /api/v1} (any case) or the JWKS. */
    public static boolean handles(String path) {
        return isApi(path) || JWKS_PATH.equalsIgnoreCase(path);
    }

    private static boolean isApi(String path) {
        return under(path, PUBLIC_PREFIX);
    }

    /** The service a service-relative path belongs to (for the OpenAPI aggregation). */
    public static Optional<Upstream> upstreamOf(String servicePath) {
        return match("GET", PUBLIC_PREFIX + servicePath).map(Route::upstream);
    }

    static boolean isPublic(String method, String path) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return ("POST".equals(method) && "/accounts".equalsIgnoreCase(path))
                || under(path, "/accounts/verification")
                || under(path, "/accounts/otp")
                || under(path, "/accounts/password-reset")
                // the privacy notice in force (its version and contact), read before registering (issue 23)
                || (read && "/accounts/privacy-notice".equalsIgnoreCase(path))
                || under(path, "/auth/login")
                || under(path, "/auth/refresh")
                // logout needs no valid access token: the refresh token in the body is what it ends (issue 25)
                || ("POST".equals(method) && under(path, "/auth/logout"))
                || (read && under(path, "/offices") && !OFFICE_BOOKINGS.matcher(path).matches())
                // what a passport costs and which documents it needs: asked before anyone has an account
                || (read && under(path, "/fees"))
                || (read && under(path, "/document-requirements"))
                // an application's state by its number, a NIK and a birth date (issue 22): no account needed
                || ("POST".equals(method) && "/application-status".equalsIgnoreCase(path))
                || (read && WAITING_ROOM_BY_TICKET.matcher(path).matches())
                // the unsubscribe link of a release mail: the token only that subscription's mails carry is the
                // credential (issue 22), so it works from the mail without logging in
                || ("POST".equals(method) && "/release-subscriptions/unsubscribe".equalsIgnoreCase(path))
                || under(path, "/payments/callbacks");
    }

    static Optional<LimitCategory> categoryOf(String method, String path) {
        if (under(path, "/auth/login") || under(path, "/auth/refresh")) {
            return Optional.of(LimitCategory.LOGIN);
        }
        if (under(path, "/accounts/otp") || under(path, "/accounts/verification")) {
            return Optional.of(LimitCategory.OTP);
        }
        if ("POST".equals(method) && "/accounts".equalsIgnoreCase(path)) {
            return Optional.of(LimitCategory.REGISTRATION);
        }
        if (under(path, "/accounts/password-reset")) {
            return Optional.of(LimitCategory.PASSWORD_RESET);
        }
        if (under(path, "/application-status")) {
            return Optional.of(LimitCategory.STATUS_CHECK);
        }
        return Optional.empty();
    }

    private static boolean under(String path, String prefix) {
        return path.regionMatches(true, 0, prefix, 0, prefix.length())
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }
}
