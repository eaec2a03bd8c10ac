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

        /** How long in all an unknown target is looked up again in the request before it is refused. */
        Duration catchUpTotal();

        /**
         * For how long after the first refusal of an account's upload for a target the projection does not know, the
         * refusal is 409 {@code upload-target-not-yet-known} + Retry-After rather than 404 (UnknownTargetRule).
         */
        Duration notYetKnownWindow();

        /** The Retry-After of {@code upload-target-not-yet-known}. */
        Duration retryAfter();

        /** How long a gone application (a deleted draft, an erased account's) is answered 404 at once. */
        Duration goneKept();

        /** How often the refusals long past their window are forgotten (jobs.TargetWaitCleanupJob; "off" in tests). */
        String forgetEvery();
    }

    interface Deletion {
        /** How often the stored bytes of discarded documents are deleted (jobs.QueuedDeletionJob; "off" in tests). */
        String every();
    }
}
