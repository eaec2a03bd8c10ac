package id.go.imigrasi.mpaspor.application.upload.rest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Names and values of the tus 1.0.0 protocol as this server speaks it. */
final class Tus {

    static final String VERSION = "1.0.0";
    static final String EXTENSIONS = "creation,expiration,checksum,termination";

    static final String TUS_RESUMABLE = "Tus-Resumable";
    static final String TUS_VERSION = "Tus-Version";
    static final String TUS_EXTENSION = "Tus-Extension";
    static final String TUS_MAX_SIZE = "Tus-Max-Size";
    static final String TUS_CHECKSUM_ALGORITHM = "Tus-Checksum-Algorithm";
    static final String UPLOAD_OFFSET = "Upload-Offset";
    static final String UPLOAD_LENGTH = "Upload-Length";
    static final String UPLOAD_EXPIRES = "Upload-Expires";
    static final String METHOD_OVERRIDE = "X-HTTP-Method-Override";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    static final String ROOT = "/uploads";

    private Tus() {
    }

    /** RFC 9110 HTTP-date, as {@code Upload-Expires} requires. */
    static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    static boolean isUploadPath(String path) {
        return path != null && (path.equals(ROOT) || path.startsWith(ROOT + "/"));
    }
}
