package id.go.imigrasi.mpaspor.gateway.support;

import java.util.ArrayList;
import java.util.List;

/** Spellings of a public path a client may send: the same route written otherwise, and paths with no canonical form. */
public final class PathVariants {

    private PathVariants() {
    }

    /** Ways to write the same path; {@code refused} when the gateway must answer 400 instead. */
    public static List<String> same(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        String head = path.substring(0, path.lastIndexOf('/'));
        List<String> variants = new ArrayList<>(List.of(
                path + ";a=b",
                path + "/",
                path + "/;a=b",
                path + "//",
                path.replace("/api/v1/", "/api/v1//"),
                path.replace("/api/v1/", "/api;x=y/v1;x=y/"),
                head + ";jsessionid=1/" + last,
                path.toUpperCase(),
                head + "/" + Character.toUpperCase(last.charAt(0)) + last.substring(1),
                head + "/%" + Integer.toHexString(last.charAt(0)) + last.substring(1),
                head + "/%" + Integer.toHexString(last.charAt(0)).toUpperCase() + last.substring(1),
                "/%61pi/v1" + path.substring("/api/v1".length()),
                "//api/v1" + path.substring("/api/v1".length())));
        return variants;
    }

    public static List<String> refused(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        String head = path.substring(0, path.lastIndexOf('/'));
        return List.of(
                head + "/./" + last,
                head + "/x/../" + last,
                head + "/%2e/" + last,
                head + "/x/%2E%2E/" + last,
                head + "/x/.%2e/" + last,
                head + "%2F" + last,
                head + "%2f" + last,
                head + "%5C" + last,
                path + "%3Ba=b",
                path + "%00",
                path + "\u00e9");
    }


    /**
     * Request targets that are no URI at all (raw backslash, broken percent-encoding): Quarkus refuses them with
     * a bare 400 and closes the connection before any route runs, so they never reach the gateway's buckets nor
     * a service either.
     */
    public static List<String> unparseable(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        String head = path.substring(0, path.lastIndexOf('/'));
        return List.of(head + "\\" + last, path + "%", path + "%zz", path + "%2");
    }
}
