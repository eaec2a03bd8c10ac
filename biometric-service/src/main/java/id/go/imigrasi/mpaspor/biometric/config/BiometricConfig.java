package id.go.imigrasi.mpaspor.biometric.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code mpaspor.biometric.*}: the office policy. Defaults are in application.properties. */
@ConfigMapping(prefix = "mpaspor.biometric")
public interface BiometricConfig {

    /** Office time zone: the appointment day, no-show cut-off, ready date (Asia/Jakarta, WIB). */
    ZoneId timeZone();

    /**
     * Shifts the office clock by this much (default zero). Only for rehearsals and the end-to-end journey, which
     * must check in on an appointment date that lies in the future; never set in production.
     */
    @WithDefault("PT0S")
    Duration clockOffset();

    Capture capture();

    Approval approval();

    /** An issued passport not collected (or handed to Pos) within this period is cancelled (30 days). */
    Duration collectWithin();

    Jobs jobs();

    Retention retention();

    interface Capture {
        /** The face photo passes with an ICAO pass and at least this quality score (0-100). */
        int faceThreshold();

        /** A finger passes with at least this NFIQ 2 score (0-100); applied to each finger. */
        int fingerThreshold();

        /** Failed attempts on one finger before the officer must record an exception (3). */
        int maxFingerAttempts();
    }

    interface Approval {
        /** Working days from approval to the expected ready date (4). */
        int readyWorkingDays();

        /**
         * Same-day service (percepatan): paid and approved before this office time, the passport is ready that day;
         * otherwise the next working day (13:00).
         */
        java.time.LocalTime sameDayCutoff();

        /** Public holidays (yyyy-MM-dd) that are not working days, besides Saturdays and Sundays. */
        List<LocalDate> holidays();

        /** Passport number prefix letter per passport kind, keyed {@code ordinary}, {@code electronic}. */
        Map<String, String> passportNumberPrefix();
    }

    interface Jobs {
        /** How often appointments past their day are marked NO_SHOW ({@code off} disables it). */
        String noShowEvery();

        /** How often uncollected passports are cancelled ({@code off} disables it). */
        String uncollectedEvery();

        /** How often Pos tracking of passports in delivery is polled ({@code off} disables it). */
        String posPollEvery();

        /** Rows per transaction. */
        int batchSize();
    }

    /**
     * How long names and NIKs stay where the law does not need them (UU PDP 27/2022; docs/privacy.md "Retention"),
     * enforced daily by {@code service.Retention}. Appointments that led to a passport (APPROVED, ISSUED, IN_DELIVERY,
     * DELIVERED, COLLECTED) keep them: the record of who got which passport and who collected it.
     */
    interface Retention {
        /** When the job runs (Quartz cron, the instance's zone; {@code off}: never, tests run it themselves). */
        String cron();

        /**
         * An appointment closed without a passport (NO_SHOW, CANCELLED, UNCOLLECTED, REJECTED) is anonymised
         * (name, NIK, collector's name, NIK and family card number) once its day is this long past; a booking's
         * applicants (names, NIKs, birth dates) once its day is and none of its appointments keeps them.
         */
        Duration anonymiseAfter();
    }
}
