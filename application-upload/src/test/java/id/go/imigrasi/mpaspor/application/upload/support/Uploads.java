package id.go.imigrasi.mpaspor.application.upload.support;

import static io.restassured.RestAssured.given;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import id.go.imigrasi.mpaspor.application.upload.UploadTargets.Target;
import id.go.imigrasi.mpaspor.application.upload.config.UploadConfig;
import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DataKey;
import id.go.imigrasi.mpaspor.application.upload.storage.encryption.DocumentEncryption;
import io.quarkus.arc.Arc;
import io.smallrye.config.SmallRyeConfig;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What the tests do as an applicant's tus client would, and what ops would look at. */
public final class Uploads {

    public static final String TUS = "1.0.0";
    public static final String OCTETS = "application/offset+octet-stream";

    private Uploads() {
    }

    /** An applicant with a draft application of one applicant, ready to upload into. */
    public record Applicant(UUID account, UUID application, UUID applicant, String token) {

        public static Applicant withDraft() {
            UUID account = UUID.randomUUID();
            UUID application = UUID.randomUUID();
            UUID applicant = UUID.randomUUID();
            TestUploadTargets.declare(account, application, applicant, Target.EDITABLE);
            return new Applicant(account, application, applicant, TestJwt.applicant(account.toString()));
        }

        public RequestSpecification tus() {
            return given().header("Authorization", "Bearer " + token).header("Tus-Resumable", TUS);
        }

        public String metadata(String documentType, String fileName) {
            return Uploads.metadata("applicationId", application.toString(), "applicantId", applicant.toString(),
                    "documentType", documentType, "filename", fileName);
        }

        /** Creates an upload and answers its path ({@code /uploads/<id>}). */
        public String create(long length, String documentType) {
            Response created = tus().header("Upload-Length", length)
                    .header("Upload-Metadata", metadata(documentType, "dokumen.bin"))
                    .post("/uploads");
            if (created.statusCode() != 201) {
                throw new AssertionError("creation failed: " + created.statusCode() + " " + created.asString());
            }
            return created.header("Location");
        }

        public Response patch(String location, long offset, byte[] chunk) {
            return tus().contentType(OCTETS).header("Upload-Offset", offset).body(chunk).patch(location);
        }

        public long offset(String location) {
            return Long.parseLong(tus().head(location).then().statusCode(200).extract().header("Upload-Offset"));
        }

        /** The SHA-256 (hex) the server reports for a finished upload, null while it is partial. */
        public String storedSha256(String location) {
            return tus().head(location).then().statusCode(200).extract().header("Upload-Sha256");
        }
    }

    public static String metadata(String... keysAndValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(keysAndValues[i]).append(' ').append(Base64.getEncoder()
                    .encodeToString(keysAndValues[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return out.toString();
    }

    public static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    public static byte[] slice(byte[] bytes, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(bytes, from, out, 0, out.length);
        return out;
    }

    public static String digestBase64(String algorithm, byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    public static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Where the filesystem store keeps an upload's bytes in tests (encrypted: header and sealed segments). */
    public static Path storedFile(String location) {
        String directory = ConfigProvider.getConfig().getValue("mpaspor.upload.storage.directory", String.class);
        return Path.of(directory).resolve(idOf(location));
    }

    /** A complete upload's plaintext, read through the service's store (decrypted and verified as it is read). */
    public static byte[] storedContent(String location) throws IOException {
        try (InputStream in = Arc.container().instance(UploadStore.class).get().open(idOf(location))) {
            return in.readAllBytes();
        }
    }

    /**
     * The plaintext bytes the filesystem store holds for an upload, complete or not: the sum of its segments'
     * lengths (or the file's size for a plaintext one); -1 when there is no file or a segment is being written.
     */
    public static long storedSize(String location) {
        Path file = storedFile(location);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            UploadConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                    .getConfigMapping(UploadConfig.class);
            if (DocumentEncryption.of(config.encryption()).keyOf(idOf(location), in).isEmpty()) {
                return Files.size(file);
            }
            long size = 0;
            for (DataKey.Frame frame = DataKey.Frame.read(in); frame != null; frame = DataKey.Frame.read(in)) {
                frame.skipSealed(in);
                size += frame.length();
            }
            return size;
        } catch (IOException e) {
            return -1;
        }
    }

    public static String kafka() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /**
     * A PATCH written by hand on a raw socket: the headers declare {@code declaredLength} bytes, and the caller
     * decides how many it really sends and whether the connection is then cut.
     */
    public static final class RawPatch implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;

        public RawPatch(String token, String location, long offset, long declaredLength) throws IOException {
            this(token, location, offset, declaredLength, "");
        }

        /** {@code extraHeaders}: complete header lines, each ending in CRLF. */
        public RawPatch(String token, String location, long offset, long declaredLength, String extraHeaders)
                throws IOException {
            socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            String head = "PATCH " + location + " HTTP/1.1\r\n"
                    + "Host: localhost:" + RestAssured.port + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "Tus-Resumable: " + TUS + "\r\n"
                    + "Upload-Offset: " + offset + "\r\n"
                    + "Content-Type: " + OCTETS + "\r\n"
                    + "Content-Length: " + declaredLength + "\r\n" + extraHeaders + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        public void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** The status line of the response (after the whole body was sent). */
        public String statusLine() throws IOException {
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString().trim();
        }

        /** Cuts the connection as a dropped mobile network would. */
        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
