package id.go.imigrasi.mpaspor.application.upload.storage.encryption;

import java.io.IOException;

/**
 * A stored upload failed authentication: a sealed segment's GCM tag did not verify, a segment is missing, out of
 * place or cut, or the document ends before its last segment. The bytes are never served; whoever reads them gets
 * this error (the validation retries and then dead-letters the event, a desk read fails), because it means the
 * storage was changed behind the service's back or damaged, which is for ops to look at, not for the applicant.
 */
public class TamperedUploadException extends IOException {

    private static final long serialVersionUID = 1L;

    public TamperedUploadException(String message) {
        super(message);
    }

    public TamperedUploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
