package id.go.imigrasi.mpaspor.platform.problem;

import java.net.URI;

/**
 * A stable kind of problem. Its {@link #slug()} names the {@code type} URI integrators switch on and the message
 * keys {@code problem.<slug>.title} and {@code problem.<slug>.detail} (with {@code {0}}-style arguments) looked
 * up in the service's {@code messages} bundle, then the platform's. A service declares its own as constants:
 * {@code public static final ProblemType QUOTA_FULL = ProblemType.of("quota-full", 409);}
 */
public interface ProblemType {

    String BASE_URI = "https://mpaspor.imigrasi.go.id/problems/";

    String slug();

    int status();

    default URI uri() {
        return URI.create(BASE_URI + slug());
    }

    static ProblemType of(String slug, int status) {
        return new Declared(slug, status);
    }

    record Declared(String slug, int status) implements ProblemType {
    }
}
