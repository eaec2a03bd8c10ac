package id.go.imigrasi.mpaspor.gateway.routing;

import java.util.Optional;

/**
 * Where one request goes: the service, the path the service serves (the public {@code /api/v1} prefix
 * stripped), whether the edge demands a token, and its stricter rate-limit category if any.
 */
public record Route(Upstream upstream, String upstreamPath, boolean isPublic, Optional<LimitCategory> limitCategory) {
}
