package id.go.imigrasi.mpaspor.upload.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** upload-service's own policy values (the uploads' are application-upload's {@code mpaspor.upload.*}). */
@ConfigMapping(prefix = "mpaspor.upload-service")
public interface UploadServiceConfig {

    /** The key of the document read grants application-service signs (contracts {@code DocumentReadGrant}). */
    String documentGrantKey();

    Targets targets();

    Deletion deletion();

    interface Targets {
        /** First wait before an unknown upload target is looked up again (its ApplicantsChanged on its way). */
        Duration catchUpFirst();

        /** How long in all an unknown target is looked up again before the upload is refused with 404. */
        Duration catchUpTotal();
    }

    interface Deletion {
        /** How often the stored bytes of discarded documents are deleted (jobs.QueuedDeletionJob; "off" in tests). */
        String every();
    }
}
