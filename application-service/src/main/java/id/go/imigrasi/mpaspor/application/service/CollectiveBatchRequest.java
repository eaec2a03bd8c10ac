package id.go.imigrasi.mpaspor.application.service;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A collective batch as an officer enters it (issue 19): the organisation, its coordinator, the visit of the
 * officer's own office, the passport kind and the people. Checked by {@link CollectiveForm}: every offending field is
 * answered at once (400), a member's fields under {@code applicants[i].}.
 */
@Schema(description = "A collective batch (\"Eazy Passport\"): a group (school, company, event) registered by an officer"
        + " for a visit of the officer's own office. Every field is checked at once; a member's errors are named"
        + " applicants[i].<field> (e.g. applicants[3].nik)")
public record CollectiveBatchRequest(
        @Schema(required = true, minLength = 1, maxLength = 200, description = "The organisation (school, company,"
                + " event); not blank, at most 200 characters", examples = "SMA Negeri 8 Jakarta") String organisation,
        @Schema(required = true) Contact contact,
        @Schema(required = true, format = "date", description = "The day of the visit (yyyy-MM-dd), today or later in"
                + " Jakarta time; its PRIORITY_WALK_IN places must be released", examples = "2027-03-16")
        LocalDate date,
        @Schema(required = true, enumeration = { "MORNING", "AFTERNOON" }, examples = "MORNING") String session,
        @Schema(required = true, enumeration = { "ORDINARY", "ELECTRONIC" }, description = "The batch's passport"
                + " kind; every member's questionnaire.passportKind must be the same", examples = "ELECTRONIC")
        String passportKind,
        @Schema(required = true, minItems = 1, maxItems = 50, description = "The people, 1 to"
                + " mpaspor.application.collective.max-members (50), each as an applicant is entered (same rules);"
                + " no same-day service; each NIK once and in no other active application")
        List<ApplicantRequest> applicants) {

    /** The organisation's coordinator: every mail of the batch's applications goes to this address. */
    @Schema(name = "CollectiveContact", description = "The organisation's coordinator; the mails of every member's"
            + " application (bill, appointment, approval) go to this address")
    public record Contact(
            @Schema(required = true, minLength = 1, maxLength = 200, examples = "Rina Marlina") String name,
            @Schema(required = true, format = "email", maxLength = 200, examples = "rina.marlina@sman8jkt.sch.id")
            String email,
            @Schema(required = true, description = "Indonesian mobile number: 08..., 628... or +628...",
                    examples = "081298765432") String phone) {
    }
}
