package id.go.imigrasi.mpaspor.gateway.edge;

/**
 * Quarkus's management endpoints ({@code /q/health}, {@code /q/metrics}, {@code /q/gateway-openapi}) are served on
 * the management interface ({@code quarkus.management.*}, its own port, not published to clients); on the public
 * port any spelling of {@code /q/...} is a 404, even should a later route (the web front end) match it.
 */
final class ManagementPaths {

    private static final String ROOT = "/q";

    private ManagementPaths() {
    }

    /** Whether a canonical path is under {@code /q} (any case). */
    static boolean isManagement(String canonicalPath) {
        return canonicalPath.regionMatches(true, 0, ROOT, 0, ROOT.length())
                && (canonicalPath.length() == ROOT.length() || canonicalPath.charAt(ROOT.length()) == '/');
    }
}
