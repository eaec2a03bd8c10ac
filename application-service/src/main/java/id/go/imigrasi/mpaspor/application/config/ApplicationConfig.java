package id.go.imigrasi.mpaspor.application.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import io.smallrye.config.ConfigMapping;

/** {@code mpaspor.application.*}: the application policy; defaults in application.properties. */
@ConfigMapping(prefix = "mpaspor.application")
public interface ApplicationConfig {

    /** Applicants per application (the account holder and family). */
    int maxApplicants();

    /** Younger than this (in years, on the day of the check) is a minor... */
    int adultAge();

    /** ...whose passport is valid at most this many years. */
    int minorMaxValidityYears();

    /** Ages and dates in mails are in this zone (WIB). */
    ZoneId timeZone();

    /** How long a client waits before retrying a submission whose hold quota-service has not announced yet. */
    Duration holdRetryAfter();

    /** The public API's base as clients reach it ({@code .../api/v1}); the website is its root. */
    String publicBaseUrl();

    Documents documents();

    Dukcapil dukcapil();

    Retention retention();

    Collective collective();

    Helpdesk helpdesk();

    Mails mails();

    Reminders reminders();

    /** Reminders before a deadline (issue 22, service.Reminders). */
    interface Reminders {
        /** How often the reminders run (jobs.ReminderJob; {@code off}: never, tests run them). */
        String every();

        /** How early before the bill's deadline an unpaid bill is recalled to the applicant. */
        Duration paymentBefore();

        /** Applications reminded per transaction. */
        int batch();
    }

    /** Helpdesk tickets about an application (issue 22, service.Helpdesk). */
    interface Helpdesk {
        /** A closed ticket may be reopened by the applicant's reply this long after it was closed. */
        Duration reopenWithin();

        /** Longest subject, in characters. */
        int subjectMaxLength();

        /** Longest message, in characters. */
        int messageMaxLength();

        /** Most uploads one message may point to. */
        int maxAttachments();
    }

    /** Mails resent on request (issue 22, service.MailResends). */
    interface Mails {
        /** One resend per kind and application per this long; sooner: 429 with Retry-After. */
        Duration resendEvery();
    }

    /** The collective service ("Eazy Passport", issue 19): batches an officer registers for a group. */
    interface Collective {
        /** Most people in one batch. */
        int maxMembers();
    }

    /** What the requirements list shows for every document (enforced by the upload side). */
    interface Documents {
        List<String> acceptedTypes();

        long maxBytes();

        /**
         * The key this service signs document read grants with (contracts {@code DocumentReadGrant}), the same as
         * upload-service's {@code mpaspor.upload-service.document-grant-key}: a secret, from the environment.
         */
        String grantKey();

        /** How long a grant to read one document at upload-service is valid. */
        Duration grantLifetime();

        /** Retry-After when upload-service does not answer a document read. */
        Duration storeRetryAfter();

        int minImageWidth();

        int minImageHeight();
    }

    interface Dukcapil {
        /** How often the re-check job runs ({@code off} disables it). */
        String recheckEvery();

        /** An applicant pending verification is asked for again at most this often. */
        Duration recheckAfter();

        /** Applicants re-checked per run. */
        int recheckBatch();
    }

    /**
     * How long personal data stays (UU PDP 27/2022; docs/privacy.md, "Retention"), enforced daily by
     * {@code jobs.RetentionJob}. What the law requires stays: the record of a finished application (status, dates,
     * office, appointment, bill, passport numbers on its timeline, its applicants) is never deleted here; only the
     * document scans of a finished application, and drafts nobody touched, are.
     */
    interface Retention {
        /** When the job runs (Quartz cron, the instance's zone; {@code off}: never, tests run it themselves). */
        String cron();

        /**
         * The documents (upload rows and stored bytes) of a finished application (DELIVERED, REJECTED, EXPIRED or
         * CANCELLED: {@code ApplicationStatus.finished()}) are deleted this long after it finished.
         */
        Duration documentsAfterFinish();

        /**
         * A DRAFT nobody touched for this long (no change to it, its applicants, uploads or timeline) is deleted
         * with its applicants, documents, timeline and mails; quota-service is told its applicants are gone.
         */
        Duration draftUntouched();

        /** Applications handled per transaction. */
        int batch();
    }
}
