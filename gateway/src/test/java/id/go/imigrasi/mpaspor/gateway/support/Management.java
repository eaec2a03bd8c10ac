package id.go.imigrasi.mpaspor.gateway.support;

import org.eclipse.microprofile.config.ConfigProvider;

/** The gateway's management interface in a test: {@code /q/health}, {@code /q/metrics} on their own port. */
public final class Management {

    private Management() {
    }

    /** The URL of {@code path} (e.g. {@code /q/health/ready}) on the management interface of the gateway under test. */
    public static String url(String path) {
        return ConfigProvider.getConfig().getValue("test.management.url", String.class).replaceFirst("/q$", "") + path;
    }
}
