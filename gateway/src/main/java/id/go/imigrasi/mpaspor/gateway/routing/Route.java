package id.go.imigrasi.mpaspor.gateway.routing;

import java.util.Optional;

/**
 * Where one request goes: the service, the path the service serves (the public {@code /api/v1} prefix
 * stripped), whether the edge demands a token, and its stricter rate-limit category if any.
 */
public record Route(Upstream upstream, String upstreamPath, boolean isPublic, Optional<LimitCategory> limitCategory) {

    /** The canonical public path of the request: {@code /api/v1} and the service's path (the JWKS as it is). */
    public String publicPath() {
        return RouteTable.JWKS_PATH.equals(upstreamPath) ? upstreamPath : RouteTable.PUBLIC_PREFIX + upstreamPath;
    }
}
