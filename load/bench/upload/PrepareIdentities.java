import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real identities for the upload benchmark: N applicants, each with their own account (a token signed with the
 * running system's development key, as account-service would issue it), their own DRAFT application and one
 * applicant whose NIK is registered first at the Dukcapil stub. Writes {@code token,applicationId,applicantId,EKTP}
 * per line. JDK only:
 *
 * <pre>
 * java load/bench/upload/PrepareIdentities.java N OUT.csv [APPLICATION_URL] [DUKCAPIL_URL] [PRIVATE_KEY_PEM] [ISSUER]
 * </pre>
 */
public final class PrepareIdentities {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        String application = args.length > 2 ? args[2] : "http://127.0.0.1:8082";
        String dukcapil = args.length > 3 ? args[3] : "http://127.0.0.1:8091";
        PrivateKey key = privateKey(Path.of(args.length > 4 ? args[4] : ".run/keys/private.pem"));
        String issuer = args.length > 5 ? args[5] : "https://mpaspor.imigrasi.go.id";
        String run = Long.toString(System.currentTimeMillis() % 100_000);

        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<String>> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            lines.add(pool.submit(() -> identity(index, run, application, dukcapil, key, issuer)));
        }
        List<String> csv = new ArrayList<>();
        for (Future<String> line : lines) {
            csv.add(line.get());
        }
        pool.shutdown();
        Files.write(out, csv);
        System.out.println("wrote " + csv.size() + " identities to " + out);
    }

    private static String identity(int i, String run, String application, String dukcapil, PrivateKey key,
            String issuer) throws Exception {
        String account = UUID.randomUUID().toString();
        String token = token(key, issuer, account, "bench-" + run + "-" + i + "@bench.mpaspor.test");
        // a male adult born on a day of 1971..1999, serial from the index: unique and consistent with the NIK rules
        LocalDate birth = LocalDate.of(1971 + i % 29, 1 + (i / 29) % 12, 1 + (i / 348) % 28);
        String nik = "3171" + String.format("%02d", 1 + i % 9) + String.format("%02d%02d%02d", birth.getDayOfMonth(),
                birth.getMonthValue(), birth.getYear() % 100) + String.format("%04d", 1 + (Integer.parseInt(run) + i) % 9999);
        String name = "Bench Pemohon " + i;
        send("POST", dukcapil + "/admin/nik", null, "{\"nik\":\"" + nik + "\",\"fullName\":\"" + name
                + "\",\"birthDate\":\"" + birth + "\",\"birthPlace\":\"Jakarta\",\"sex\":\"MALE\"}", 200, 201, 204);
        String applicationId = id(send("POST", application + "/applications", token, "{}", 201));
        String applicantId = id(send("POST", application + "/applications/" + applicationId + "/applicants", token,
                "{\"fullName\":\"" + name + "\",\"nik\":\"" + nik + "\",\"birthDate\":\"" + birth
                        + "\",\"birthPlace\":\"Jakarta\",\"sex\":\"MALE\",\"motherName\":\"Ibu " + i
                        + "\",\"address\":\"Jl. Benchmark " + i + "\",\"phone\":\"081200000000\",\"questionnaire\":"
                        + "{\"applicationType\":\"NEW\",\"passportKind\":\"ORDINARY\",\"validityYears\":5,"
                        + "\"sameDayService\":false,\"travelPurpose\":\"Bench\"},\"authority\":\"SELF\"}", 201));
        return token + "," + applicationId + "," + applicantId + ",EKTP";
    }

    private static String send(String method, String url, String token, String body, int... expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                + response.body());
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    /** An access token as account-service issues it: RS256, subject = account id, upn, groups. */
    private static String token(PrivateKey key, String issuer, String subject, String email) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + email
                + "\",\"groups\":[\"applicant\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"jti\":\""
                + UUID.randomUUID() + "\"}");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey privateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
