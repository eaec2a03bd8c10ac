package id.go.imigrasi.mpaspor.gateway.routing;

import java.net.URI;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;

/** The services behind the gateway. */
public enum Upstream {
    ACCOUNT("account-service"),
    APPLICATION("application-service"),
    QUOTA("quota-service"),
    BILLING("billing-service"),
    BIOMETRIC("biometric-service"),
    UPLOAD("upload-service");

    private final String serviceName;

    Upstream(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }

    public URI uri(GatewayConfig.Routes routes) {
        return switch (this) {
            case ACCOUNT -> routes.account();
            case APPLICATION -> routes.application();
            case QUOTA -> routes.quota();
            case BILLING -> routes.billing();
            case BIOMETRIC -> routes.biometric();
            case UPLOAD -> routes.upload();
        };
    }

    public static int portOf(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
