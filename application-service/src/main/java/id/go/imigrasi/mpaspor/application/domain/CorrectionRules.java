package id.go.imigrasi.mpaspor.application.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What of an applicant may be corrected online after submission, and until when (issue 22). The one rule:
 * <ul>
 * <li><b>Correctable</b> ({@link Field}): the contact and the questionnaire's free text, which nothing downstream was
 * decided on: {@code address}, {@code phone}, {@code travelPurpose}.</li>
 * <li><b>At the office only</b> ({@link #officeOnly}): the identity Dukcapil verified and the passport is printed from
 * ({@code fullName}, {@code nik}, {@code birthDate}, {@code birthPlace}, {@code sex}, {@code motherName}): changing it
 * online would undo the verification the submission stood on, so the officer checks the originals; and what the
 * booking and the bill were made for ({@code applicationType}, {@code passportKind}, {@code validityYears},
 * {@code sameDayService}): the hold's line and kind and the paid fee follow from it (BookingNeed, Tariff).</li>
 * <li><b>Until check-in</b> ({@link #window}): only a submitted application (a draft is edited as such), not once
 * the office visit began (the applicant checked in, or the application is in process or further: the officer has the
 * file), and not once it finished.</li>
 * </ul>
 */
public final class CorrectionRules {

    /** A field that may be corrected online, by its name in the applicant's form (ApplicantRequest). */
    public enum Field {
        ADDRESS("address"), PHONE("phone"), TRAVEL_PURPOSE("travelPurpose");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Field> of(String key) {
            for (Field f : values()) {
                if (f.key.equals(key)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        /** The applicant's current value. */
        public String current(Applicant a) {
            return switch (this) {
                case ADDRESS -> a.address;
                case PHONE -> a.phone;
                case TRAVEL_PURPOSE -> a.travelPurpose;
            };
        }

        /** Sets the (already checked and normalised) value. */
        public void set(Applicant a, String value) {
            switch (this) {
                case ADDRESS -> a.address = value;
                case PHONE -> a.phone = value;
                case TRAVEL_PURPOSE -> a.travelPurpose = value;
            }
        }
    }

    /** Whether a correction may be made now, or why not. */
    public enum Window {
        OPEN,
        /** Still a draft: edit the applicant as such (PUT). */
        NOT_SUBMITTED,
        /** The office visit began: the officer corrects it at the desk with the originals. */
        CHECKED_IN,
        /** The application finished. */
        FINISHED
    }

    private static final String IDENTITY = "correction.identity-at-office";
    private static final String BOOKING = "correction.booking-at-office";
    private static final Map<String, String> OFFICE_ONLY = new LinkedHashMap<>();

    static {
        for (String identity : new String[] { "fullName", "nik", "birthDate", "birthPlace", "sex", "motherName" }) {
            OFFICE_ONLY.put(identity, IDENTITY);
        }
        for (String booked : new String[] { "applicationType", "passportKind", "validityYears", "sameDayService" }) {
            OFFICE_ONLY.put(booked, BOOKING);
        }
    }

    private CorrectionRules() {
    }

    /** Why {@code field} can be changed only at the office (a message code), or empty when that is not why. */
    public static Optional<String> officeOnly(String field) {
        return Optional.ofNullable(OFFICE_ONLY.get(field));
    }

    /** Whether an applicant of an application in {@code status}, checked in or not, may be corrected now. */
    public static Window window(ApplicationStatus status, boolean checkedIn) {
        if (status == ApplicationStatus.DRAFT) {
            return Window.NOT_SUBMITTED;
        }
        if (status.finished()) {
            return Window.FINISHED;
        }
        if (checkedIn || status.rank() >= ApplicationStatus.IN_PROCESS.rank()) {
            return Window.CHECKED_IN;
        }
        return Window.OPEN;
    }
}
