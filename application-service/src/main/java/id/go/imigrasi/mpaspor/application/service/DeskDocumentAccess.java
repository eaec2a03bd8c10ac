package id.go.imigrasi.mpaspor.application.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;

/**
 * Who may open an applicant's uploaded documents (issue 19): the owner of the application, always; an officer only
 * for an applicant checked in at the officer's own office today (in the office time zone, as biometric-service counts
 * "today"), and every such read is recorded; nobody else, admins included (they run the system, not the desk). An
 * application booked at another office is "not found" (ids cannot be probed); one of the officer's own office whose
 * applicant is not checked in today is 403 {@code document-not-at-the-desk}.
 */
public final class DeskDocumentAccess {

    /** Who reads: the owner (not recorded) or an officer at the desk (recorded as {@code ApplicantDocumentRead}). */
    public enum Reader {
        OWNER, OFFICER
    }

    /** An applicant's check-in at an office, as the application's timeline recorded it (from CheckedIn). */
    public record CheckIn(String applicantId, String officeCode, Instant at) {
    }

    private DeskDocumentAccess() {
    }

    /** Whom the read is for, or the problem; {@code checkIns}: the application's check-ins. */
    public static Reader check(Application app, Caller caller, UUID applicantId, List<CheckIn> checkIns,
            ZoneId officeZone, Instant now) {
        if (app == null) {
            throw ProblemException.of(ApplicationProblem.APPLICATION_NOT_FOUND);
        }
        if (caller.hasRole(Roles.APPLICANT) && app.accountId.toString().equals(caller.accountId())) {
            return Reader.OWNER;
        }
        if (!caller.hasRole(Roles.OFFICER)) {
            throw ProblemException.of(ApplicationProblem.APPLICATION_NOT_FOUND);
        }
        String office = caller.officeCode().orElse(null);
        if (office == null || !office.equals(app.officeCode)) {
            throw ProblemException.of(ApplicationProblem.APPLICATION_NOT_FOUND);
        }
        LocalDate today = LocalDate.ofInstant(now, officeZone);
        boolean atTheDesk = checkIns.stream().anyMatch(checkIn -> applicantId.toString().equals(checkIn.applicantId())
                && office.equals(checkIn.officeCode() == null ? app.officeCode : checkIn.officeCode())
                && LocalDate.ofInstant(checkIn.at(), officeZone).equals(today));
        if (!atTheDesk) {
            throw ProblemException.of(ApplicationProblem.DOCUMENT_NOT_AT_THE_DESK);
        }
        return Reader.OFFICER;
    }
}
