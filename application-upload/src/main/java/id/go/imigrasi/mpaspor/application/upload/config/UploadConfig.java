package id.go.imigrasi.mpaspor.application.upload.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code mpaspor.upload.*}: the upload policy (tus server, admission control, validation, expiry). Defaults are
 * written in application.properties.
 */
@ConfigMapping(prefix = "mpaspor.upload")
public interface UploadConfig {

    /** Largest upload accepted (advertised as {@code Tus-Max-Size}); bytes. */
    long maxSize();

    /**
     * The public API's base URL ({@code https://host/api/v1}): the {@code Location} of an upload created through
     * the gateway starts with it. Configured, never taken from the request's {@code Host} or
     * {@code X-Forwarded-*} headers. Empty: the absolute path {@code /uploads/{id}}.
     */
    Optional<URI> publicBaseUrl();

    /** A partial upload untouched for this long expires ({@code Upload-Expires}) and is cleaned up. */
    Duration expiresAfter();

    Cleanup cleanup();

    Storage storage();

    Deletion deletion();

    Admission admission();

    Validation validation();

    Encryption encryption();

    interface Cleanup {
        /** How often the cleanup job runs ({@code off} disables it on an instance). */
        String every();

        /** Expired uploads removed per transaction. */
        int batchSize();
    }

    /**
     * Deleting documents for good (retention, {@link id.go.imigrasi.mpaspor.application.upload.service.DocumentDeletions}):
     * the rows go in the caller's transaction, the bytes after it, from a queue that a later run finishes.
     */
    interface Deletion {
        /** Stored objects deleted per claim. */
        int batch();

        /** A run owns the objects it claimed this long; then another run may take them over (a crashed instance). */
        Duration lease();
    }

    interface Storage {
        /** {@code filesystem} (default) or {@code s3}. */
        @WithDefault("filesystem")
        String kind();

        /** Directory of the filesystem store; created when missing. */
        String directory();

        /** Size of the copy buffer between the request stream and the store; bytes. */
        int bufferSize();

        /** The S3-compatible store, when {@code kind=s3}. */
        S3 s3();
    }

    interface S3 {
        /** For S3-compatible servers (MinIO, Ceph, ...); empty means AWS itself. */
        Optional<URI> endpoint();

        @WithDefault("ap-southeast-3")
        String region();

        @WithDefault("mpaspor-uploads")
        String bucket();

        /** Path-style URLs ({@code endpoint/bucket/key}), which most S3-compatible servers need. */
        @WithDefault("true")
        boolean pathStyle();

        /** Static credentials; without them the AWS default chain (environment, instance role) is used. */
        Optional<String> accessKey();

        Optional<String> secretKey();
    }

    interface Admission {
        /** Concurrent PATCH requests the instance serves; beyond it, 503 at once. */
        int maxConcurrentPatches();

        /** Bytes that may be in flight in PATCH bodies at once (by Content-Length); beyond it, 503 at once. */
        long maxBytesInFlight();

        /**
         * Concurrent creation, HEAD and DELETE requests the instance serves (each a few database round trips);
         * beyond it, 503 at once.
         */
        int maxConcurrentRequests();

        /** Concurrent PATCH requests of one account; beyond it, 429 at once. */
        int maxPatchesPerAccount();

        /** Size assumed for a PATCH without Content-Length (chunked transfer). */
        long assumedChunkSize();

        /** Retry-After of a shed request when the server is barely over its limit. */
        Duration retryAfterBase();

        /** Retry-After never exceeds this. */
        Duration retryAfterMax();

        /** The window over which recent sheds make Retry-After grow. */
        Duration pressureWindow();
    }

    interface Validation {
        /** A document larger than this is rejected ({@code too-large}); bytes. */
        long maxBytes();

        /** An image's longer side must be at least this many pixels. */
        int minImageLongSide();

        /** An image's shorter side must be at least this many pixels. */
        int minImageShortSide();

        /** A PDF with more pages is rejected ({@code too-many-pages}). */
        int maxPdfPages();

        /** A PDF declaring more indirect objects is rejected unparsed ({@code pdf-too-complex}). */
        int maxPdfObjects();

        /**
         * A PDF whose Flate streams inflate to more than this many bytes in total is rejected unparsed
         * ({@code pdf-inflates-too-much}: a decompression bomb).
         */
        long maxPdfInflatedBytes();

        /** PDFBox's stream cache while it opens a PDF: main memory only, at most this many bytes. */
        long maxPdfMemory();

        /** An image whose header declares a side longer than this is rejected unread ({@code too-large-image}). */
        int maxImageSide();

        /** ...or more than this many megapixels (width x height / 10^6). */
        int maxImageMegapixels();

        /** An image is decoded subsampled to at most this many pixels (bounds the decoder's memory). */
        long decodeMaxPixels();

        /**
         * Decoding an image longer than this aborts it ({@code image-too-complex}; bounds the decoder's CPU); a PDF
         * that takes longer to open is refused ({@code pdf-too-complex}).
         */
        Duration maxDecodeTime();
    }

    /**
     * Encryption at rest of the stored documents (issue 23): envelope encryption, AES-256-GCM in segments, a data
     * key per document wrapped by a master key. See application-upload/README.md, "Encryption at rest".
     */
    interface Encryption {
        /**
         * Whether new documents are stored encrypted (default). Either way, encrypted documents are read with the
         * configured keys and plaintext ones (stored before encryption existed, or while it was off) as they are.
         */
        @WithDefault("true")
        boolean enabled();

        /** The id of the master key that wraps the data keys of new documents; one of {@link #keys()}. */
        Optional<String> activeKey();

        /**
         * The master keys, as {@code id:base64} entries (32 random bytes each), separated by commas: the active
         * one and every retired one that documents still use. Secrets: from the environment
         * ({@code MPASPOR_UPLOAD_ENCRYPTION_KEYS}) or a secret store, never from code or a committed file.
         */
        Optional<List<String>> keys();
    }
}
