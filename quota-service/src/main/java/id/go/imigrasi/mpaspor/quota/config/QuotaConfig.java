package id.go.imigrasi.mpaspor.quota.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import io.smallrye.config.ConfigMapping;

/** {@code mpaspor.quota.*}: the policy values of quota-service; defaults in application.properties. */
@ConfigMapping(prefix = "mpaspor.quota")
public interface QuotaConfig {

    /** How long a fresh hold lasts before the application is submitted and billed. */
    Duration holdDuration();

    /** Added to the billing deadline when BillingIssued extends a hold, so BillingExpired (not the timer) ends it. */
    Duration billingGrace();

    /** Most reschedules of one booking. */
    int maxReschedules();

    /** Most applicants (NIKs) in one hold: the account holder and family. */
    int maxApplicantsPerHold();

    /** The earliest bookable date is today (office time) plus this many days. */
    int bookingLeadDays();

    /** Longest calendar range one request may ask for. */
    int calendarMaxDays();

    /** How long a calendar answer may be served from memory (the read path under a spike). */
    Duration calendarCacheTtl();

    Expiry expiry();

    Retention retention();

    Admission admission();

    Combiner combiner();

    Applicants applicants();

    WaitingRoom waitingRoom();

    /**
     * The public API's base as clients reach it (through the gateway); the website is its root. The release mails link
     * to the office's page and the unsubscribe page there.
     */
    String publicBaseUrl();

    /** Days an office without its own rules is open. */
    Set<DayOfWeek> openDays();

    /** Capacity per SERVICE_SESSION (e.g. REGULAR_MORNING) for an office without its own rules. */
    Map<String, Integer> defaultCapacity();

    /**
     * A hold's NIKs must be applicants of one of the account's applications, as application-service announced them
     * (ApplicantsChanged). A NIK that quota-service does not know at all may be an applicant whose event is still on
     * its way: such a hold is answered 409 {@code applicants-not-yet-known} + Retry-After for at most
     * {@link #catchUp()} after the first such refusal of the account and NIK, then 422 {@code nik-not-an-applicant}.
     */
    interface Applicants {
        /** How long a NIK unknown to the projection is answered "not yet known" (409 + Retry-After). */
        Duration catchUp();

        /** The Retry-After of that answer. */
        Duration retryAfter();
    }

    /**
     * Holds admitted at once per instance. Past it a hold is refused at once with 503 + Retry-After instead of
     * queueing for a database connection: under a release spike the excess gets a fast, polite answer and the
     * admitted holds keep their latency.
     */
    interface Admission {
        /** Most holds in flight at once, however quick they are. */
        int maxInFlight();

        /** Fewest holds in flight at once, however slow they are (enough to keep one database batch busy). */
        int minInFlight();

        /** The limit when the instance starts, before it has seen any latency. */
        int initialInFlight();

        /**
         * The latency the admitted holds should keep (admission to answer): when more than a tenth of a window's
         * holds take longer, fewer are admitted; when they are quick and the limit is reached, more. Zero keeps
         * the limit fixed at {@link #maxInFlight()}.
         */
        Duration targetLatency();

        /** How often the limit is adapted. */
        Duration window();

        /** What the refused client is told to wait. */
        Duration retryAfter();
    }

    /** Concurrent holds, of any slots, placed together: one statement and one commit for many holds. */
    interface Combiner {
        /** Most holds in one statement. */
        int maxBatch();

        /**
         * Most hold statements of this instance running at once; a hold that finds them all running waits for the
         * next one, with the other holds that arrive meanwhile. Fewer means larger batches (fewer commits, less CPU
         * per hold), more means less waiting while the database has idle cores.
         */
        int maxStatements();
    }

    interface Expiry {
        /** How often each instance looks for expired holds and due releases. */
        Duration interval();

        /** Most holds one instance releases per transaction. */
        int batchSize();
    }

    /**
     * The waiting room of every quota release (issue 17): opened {@link #opensBefore()} before {@code releaseAt}, the
     * pre-queue shuffled at {@code releaseAt}, then first come, first served; positions admitted at the rate holds are
     * placed; during {@link #window()} after {@code releaseAt} a hold on the release's dates needs a hold pass.
     */
    interface WaitingRoom {
        /** Whether a release gets a waiting room (off: holds are first come, first served as before). */
        boolean enabled();

        /** How long before {@code releaseAt} the room opens for joining (the pre-queue). */
        Duration opensBefore();

        /** How long after {@code releaseAt} a hold on the release's dates needs a hold pass. */
        Duration window();

        /** The HMAC-SHA256 key of tickets, hold passes and proof-of-work challenges (from the environment). */
        String secret();

        /** How long an admitted ticket may be exchanged for a hold pass (then its position no longer waits). */
        Duration claimWindow();

        /**
         * How long the next people wait for an admitted person to claim before they are admitted in their stead
         * (at most {@link #claimWindow()}): a little more than the longest poll interval a waiting person is given.
         */
        @io.smallrye.config.WithDefault("PT45S")
        Duration noticeWindow();

        /** How long a hold pass is valid (and the "it is your turn" link). */
        Duration passLifetime();

        /** The ALTCHA proof-of-work: the secret number is at most this (the client tries half of it on average). */
        int powMaxNumber();

        /** How long a proof-of-work challenge may be solved. */
        Duration powLifetime();

        /** How often every instance reads the rooms' shared state (admitted up to N, places left, sold out). */
        Duration pollInterval();

        /** How often the leader (one instance, advisory lock) shuffles, admits and checks for sold out. */
        Duration leaderInterval();

        /** How often {@code mpaspor_quota_waiting_room_in_line} (people waiting, not admitted yet) is counted. */
        @io.smallrye.config.WithDefault("PT5S")
        Duration lineCountInterval();

        /** Most positions admitted per second, whatever the hold limit (the people are still a crowd). */
        int maxAdmitPerSecond();

        /** How often a Server-Sent Events stream sends its state at most, and a keep-alive at least every 4 s. */
        Duration pushInterval();
    }

    /**
     * How long the NIKs of a hold stay once nothing needs them (UU PDP 27/2022; docs/privacy.md "Retention"), enforced
     * daily by {@code service.HoldRetention}: a hold no longer HELD whose NIKs are no longer bound (no active
     * {@code hold_nik} row) has them replaced by zeros once its day is {@code anonymise-after} past.
     */
    interface Retention {
        /** When the job runs (Quartz cron, the instance's zone; {@code off}: never, tests run it themselves). */
        String cron();

        /** How long after the hold's day its NIKs are anonymised. */
        Duration anonymiseAfter();
    }
}
