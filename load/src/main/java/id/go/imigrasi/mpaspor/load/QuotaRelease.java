package id.go.imigrasi.mpaspor.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the spike's quota on sale through quota-service's admin API, as an admin would on the evening before:
 * logs in as the first admin through account-service, and per office sets the weekday rules to
 * {@code capacity} MORNING places (AFTERNOON closed), releases {@code date} now, and puts the office's own rules back
 * at once (a release materializes its capacity rows when it is made, later rule changes do not touch them).
 * Prints {@code CAPACITY <places put on sale>}.
 * <pre>
 * java -cp load/target/classes id.go.imigrasi.mpaspor.load.QuotaRelease ACCOUNT_URL QUOTA_URL ADMIN_EMAIL
 *      ADMIN_PASSWORD_FILE OFFICE,OFFICE,.. CAPACITY DATE
 * </pre>
 */
public final class QuotaRelease {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern RELEASE_ID = Pattern.compile("\"releaseId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SLOTS = Pattern.compile("\"slots\"\\s*:\\s*(\\d+)");

    private QuotaRelease() {
    }

    public static void main(String[] args) throws Exception {
        String account = args[0];
        String quota = args[1];
        String password = Files.readString(Path.of(args[3])).trim();
        List<String> offices = List.of(args[4].split(","));
        int capacity = Integer.parseInt(args[5]);
        LocalDate date = LocalDate.parse(args[6]);
        // optional: on sale in this many seconds (the waiting-room scenario); by default at once
        long inSeconds = args.length > 7 ? Long.parseLong(args[7]) : -1;

        String login = call("POST", account + "/auth/login", null,
                "{\"email\":\"" + args[2] + "\",\"password\":\"" + json(password) + "\"}", 200);
        Matcher token = TOKEN.matcher(login);
        if (!token.find()) {
            throw new IllegalStateException("no access token in the admin login answer");
        }
        String admin = token.group(1);
        int total = 0;
        for (String office : offices) {
            String rulesUrl = quota + "/admin/offices/" + office + "/rules";
            String own = call("GET", rulesUrl, admin, null, 200);
            try {
                call("PUT", rulesUrl, admin, benchRules(capacity), 200);
                String release = call("POST", quota + "/admin/offices/" + office + "/releases", admin,
                        "{\"from\":\"" + date + "\",\"to\":\"" + date + "\",\"releaseAt\":\""
                                + Instant.now().plusSeconds(inSeconds) + "\"}", 201);
                Matcher slots = SLOTS.matcher(release);
                Matcher id = RELEASE_ID.matcher(release);
                if (id.find()) {
                    System.out.println("RELEASE " + office + " " + id.group(1));
                }
                total += slots.find() ? Integer.parseInt(slots.group(1)) : 0;
            } finally {
                call("PUT", rulesUrl, admin, own, 200);
            }
        }
        System.out.println("CAPACITY " + total);
    }

    /** MORNING places on every weekday (the release date decides which applies), AFTERNOON closed. */
    static String benchRules(int capacity) {
        StringBuilder rules = new StringBuilder("{\"rules\":[");
        for (int day = 1; day <= 7; day++) {
            rules.append(day > 1 ? "," : "")
                    .append("{\"weekday\":").append(day).append(",\"service\":\"REGULAR\",\"session\":\"MORNING\",")
                    .append("\"capacity\":").append(capacity).append("},")
                    .append("{\"weekday\":").append(day).append(",\"service\":\"REGULAR\",\"session\":\"AFTERNOON\",")
                    .append("\"capacity\":0}");
        }
        return rules.append("]}").toString();
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String call(String method, String url, String token, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + " (expected "
                    + expected + "): " + response.body());
        }
        return response.body();
    }
}
