package id.go.imigrasi.mpaspor.gateway.proxy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.gateway.routing.RouteTable;
import id.go.imigrasi.mpaspor.gateway.routing.Upstream;

/**
 * The one place that knows the public address of the API ({@code mpaspor.gateway.public-base-url}, e.g.
 * {@code https://api.mpaspor.go.id/api/v1}) and turns what the services send back into it. Never built from the
 * client's {@code Host} (anyone can write one): the services get {@code X-Forwarded-Host} from the configured base,
 * and a {@code Location} that a service sets becomes
 * <ul>
 * <li>relative ({@code /uploads/u1}) or on a service's own origin ({@code http://127.0.0.1:8082/uploads/u1}): the
 * public base + that path;</li>
 * <li>on any other internal origin (an IP literal that is loopback, site- or link-local, a host name without a
 * dot such as {@code quota-service:8083}): the public base + its path as well, never an internal host:port;</li>
 * <li>already under the public base: unchanged; a path already under {@code /api/v1}: the public origin + it;</li>
 * <li>an external site (a host name with dots that is not ours, e.g. a payment page): unchanged;</li>
 * <li>unreadable: dropped (null), never passed on half-understood.</li>
 * </ul>
 */
@ApplicationScoped
public class PublicLocations {

    private final URI base;
    private final String origin;
    private final String basePath;
    private final List<URI> upstreams;

    @Inject
    public PublicLocations(GatewayConfig config) {
        this(config.publicBaseUrl(), java.util.Arrays.stream(Upstream.values()).map(u -> u.uri(config.routes())).toList());
    }

    public PublicLocations(URI publicBaseUrl, List<URI> upstreams) {
        if (publicBaseUrl.getScheme() == null || publicBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("mpaspor.gateway.public-base-url must be absolute: " + publicBaseUrl);
        }
        this.base = publicBaseUrl;
        this.origin = publicBaseUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + publicBaseUrl.getRawAuthority();
        String path = publicBaseUrl.getRawPath() == null ? "" : publicBaseUrl.getRawPath().replaceAll("/+$", "");
        this.basePath = path;
        this.upstreams = List.copyOf(upstreams);
    }

    /** {@code X-Forwarded-Host} for a service: the public host (and port), whatever {@code Host} the client sent. */
    public String forwardedHost() {
        return base.getRawAuthority();
    }

    /** The public origin ({@code scheme://host[:port]}). */
    public String origin() {
        return origin;
    }

    /** The public URL of a {@code Location} a service sent (see the class comment); null when it is unreadable. */
    public String ofService(String location) {
        URI target;
        try {
            target = URI.create(location.trim());
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
        String path = target.getRawPath() == null ? "" : target.getRawPath();
        String rest = (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
        if (target.getScheme() != null || target.getRawAuthority() != null) {
            if (isPublic(target)) {
                return location.trim();
            }
            if (!isInternal(target)) {
                return location.trim();
            }
        }
        if (target.getScheme() == null && target.getRawAuthority() == null && !path.startsWith("/")) {
            // relative to the request's path: not something a service of ours sends; refuse to guess
            return null;
        }
        if (!basePath.isEmpty() && (path.equals(basePath) || path.startsWith(basePath + "/"))) {
            return origin + path + rest;
        }
        if (!basePath.equals(RouteTable.PUBLIC_PREFIX) && (path.startsWith(RouteTable.PUBLIC_PREFIX + "/"))) {
            path = path.substring(RouteTable.PUBLIC_PREFIX.length());
        }
        return origin + basePath + path + rest;
    }

    /**
     * The public URL of a {@code Location} the website sent: relative ones stay relative (the browser resolves
     * them against the page), an internal origin becomes the public origin; the website is published at {@code /}.
     */
    public String ofWebsite(String location) {
        URI target;
        try {
            target = URI.create(location.trim());
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
        if (target.getRawAuthority() == null || isPublic(target) || !isInternal(target)) {
            return location.trim();
        }
        String rest = (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return origin + path + rest;
    }

    private boolean isPublic(URI target) {
        return target.getScheme() != null && target.getHost() != null
                && target.getScheme().equalsIgnoreCase(base.getScheme())
                && target.getHost().equalsIgnoreCase(base.getHost())
                && Upstream.portOf(target) == Upstream.portOf(base);
    }

    /** A service's own origin, or a host no client could reach: an internal IP, a name without a dot. */
    private boolean isInternal(URI target) {
        String host = target.getHost();
        if (host == null) {
            return true; // "http://:8082/x", "http:///x": nobody's public address
        }
        for (URI upstream : upstreams) {
            if (host.equalsIgnoreCase(upstream.getHost()) && Upstream.portOf(target) == Upstream.portOf(upstream)) {
                return true;
            }
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (isIpLiteral(bare)) {
            try {
                InetAddress address = InetAddress.getByName(bare); // a literal: no lookup
                return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || isUniqueLocal(address);
            } catch (UnknownHostException e) {
                return true;
            }
        }
        return !bare.contains(".") || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")
                || bare.toLowerCase(Locale.ROOT).endsWith(".internal") || bare.toLowerCase(Locale.ROOT).endsWith(".local");
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static boolean isUniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
