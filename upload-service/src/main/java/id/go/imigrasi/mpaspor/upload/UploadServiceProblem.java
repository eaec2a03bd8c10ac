package id.go.imigrasi.mpaspor.upload;

import id.go.imigrasi.mpaspor.platform.problem.ProblemType;

/**
 * The problems upload-service adds to the upload module's ({@code application.upload.UploadProblem}: every tus
 * answer); texts in messages.properties (id) and messages_en.properties.
 */
public final class UploadServiceProblem {

    /**
     * {@code GET /uploads/{id}/document} without a valid grant from application-service for this upload (missing,
     * forged, for another upload, expired): 404, as for an upload that does not exist, so ids cannot be probed.
     */
    public static final ProblemType DOCUMENT_NOT_GRANTED = ProblemType.of("upload-document-not-granted", 404);

    private UploadServiceProblem() {
    }
}
