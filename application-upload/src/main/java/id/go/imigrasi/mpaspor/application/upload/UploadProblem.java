package id.go.imigrasi.mpaspor.application.upload;

import id.go.imigrasi.mpaspor.platform.problem.ProblemType;

/** The problems the upload endpoints answer with; texts in messages.properties (id) and messages_en.properties. */
public final class UploadProblem {

    /** No such upload, or not the caller's (404, so ids cannot be probed). */
    public static final ProblemType UPLOAD_NOT_FOUND = ProblemType.of("upload-not-found", 404);
    /** The partial upload passed its Upload-Expires. */
    public static final ProblemType UPLOAD_EXPIRED = ProblemType.of("upload-expired", 410);
    /** The application or applicant named in Upload-Metadata does not exist or is not the caller's. */
    public static final ProblemType TARGET_NOT_FOUND = ProblemType.of("upload-target-not-found", 404);
    /**
     * upload-service only: the application or applicant is not known to its projection of application.events yet,
     * which may still be catching up; ask again after Retry-After (409, for a bounded time, then 404).
     */
    public static final ProblemType TARGET_NOT_YET_KNOWN = ProblemType.of("upload-target-not-yet-known", 409);
    /** The application no longer accepts documents (it is not a draft). */
    public static final ProblemType APPLICATION_NOT_EDITABLE = ProblemType.of("upload-application-not-editable", 409);
    /** PATCH at an Upload-Offset that is not the upload's current offset. */
    public static final ProblemType OFFSET_MISMATCH = ProblemType.of("upload-offset-mismatch", 409);
    /** Another PATCH or DELETE of the same upload is in progress. */
    public static final ProblemType UPLOAD_BUSY = ProblemType.of("upload-busy", 409);
    /** A complete upload is a document now: it cannot be changed or terminated. */
    public static final ProblemType UPLOAD_COMPLETE = ProblemType.of("upload-complete", 409);
    /** The body would take the upload past its Upload-Length. */
    public static final ProblemType EXCEEDS_LENGTH = ProblemType.of("upload-exceeds-length", 413);
    /** Upload-Length larger than Tus-Max-Size. */
    public static final ProblemType TOO_LARGE = ProblemType.of("upload-too-large", 413);
    /** tus checksum extension: the body does not match Upload-Checksum; nothing of it was kept. */
    public static final ProblemType CHECKSUM_MISMATCH = ProblemType.of("upload-checksum-mismatch", 460);
    /**
     * A stored document cannot be read as stored: it failed authentication (changed, cut or moved bytes) or was
     * sealed with a master key that is not configured. Nothing of it is served; ops are told in the log.
     */
    public static final ProblemType DOCUMENT_UNREADABLE = ProblemType.of("upload-document-unreadable", 500);
    /** The client speaks a tus version we do not. */
    public static final ProblemType VERSION_UNSUPPORTED = ProblemType.of("upload-tus-version-unsupported", 412);
    /** Admission control: the instance is at its limit of concurrent PATCHes or bytes in flight. */
    public static final ProblemType OVERLOADED = ProblemType.of("upload-overloaded", 503);
    /** Admission control: this account already uses its share of the concurrent PATCHes. */
    public static final ProblemType FAIR_SHARE = ProblemType.of("upload-fair-share-exceeded", 429);

    private UploadProblem() {
    }
}
