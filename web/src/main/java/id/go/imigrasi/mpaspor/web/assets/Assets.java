package id.go.imigrasi.mpaspor.web.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;

/**
 * The static files of the pages, each published under a name with its content hash
 * ({@code /assets/app.3f9c1a2b.js}) so a browser may keep it for a year: a new version has a new name.
 */
@ApplicationScoped
@Named("assets")
@TemplateData
public class Assets {

    public record Asset(String name, String contentType, byte[] bytes, String hashedName) {
    }

    private final Map<String, Asset> byName = new LinkedHashMap<>();
    private final Map<String, Asset> byHashedName = new LinkedHashMap<>();

    public Assets() {
        add("app.css", "text/css; charset=utf-8", "web-assets/app.css");
        add("app.js", "text/javascript; charset=utf-8", "web-assets/app.js");
        add("upload.js", "text/javascript; charset=utf-8", "web-assets/upload.js");
        add("staff.css", "text/css; charset=utf-8", "web-assets/staff.css");
        add("tus.js", "text/javascript; charset=utf-8", "web-assets/tus.min.js");
        add("htmx.js", "text/javascript; charset=utf-8", htmxPath());
        // the waiting room: ALTCHA's widget (an ES module), its worker and stylesheet (from npm), and the page's script
        add("altcha.js", "text/javascript; charset=utf-8", "web-assets/altcha.js");
        add("altcha-worker.js", "text/javascript; charset=utf-8", "web-assets/altcha-worker.js");
        add("altcha.css", "text/css; charset=utf-8", "web-assets/altcha.css");
        add("waiting-room.js", "text/javascript; charset=utf-8", "web-assets/waiting-room.js");
        // the desk's check-in scanner: its script, and jsQR (from npm), loaded by it only when the camera opens
        add("kantor-scan.js", "text/javascript; charset=utf-8", "web-assets/kantor-scan.js");
        add("jsqr.js", "text/javascript; charset=utf-8", "web-assets/jsqr.js");
    }

    /** The public URL of an asset: {@code {assets.url('app.css')}} in a template. */
    public String url(String name) {
        Asset a = byName.get(name);
        return a == null ? "/assets/missing-" + name : "/assets/" + a.hashedName();
    }

    public Asset byHashedName(String hashed) {
        return byHashedName.get(hashed);
    }

    private void add(String name, String type, String resource) {
        byte[] bytes = read(resource);
        if (bytes == null) {
            return;
        }
        int dot = name.lastIndexOf('.');
        String hashed = name.substring(0, dot) + "." + hash(bytes) + name.substring(dot);
        Asset asset = new Asset(name, type, bytes, hashed);
        byName.put(name, asset);
        byHashedName.put(hashed, asset);
    }

    private static String htmxPath() {
        String version = "2.0.10";
        try (InputStream in = Assets.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/htmx.org/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        } catch (IOException e) {
            // the default version
        }
        return "META-INF/resources/webjars/htmx.org/" + version + "/dist/htmx.min.js";
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
