package id.go.imigrasi.mpaspor.application.service;

import java.util.UUID;

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.domain.Party;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import id.go.imigrasi.mpaspor.platform.security.Roles;

/**
 * Who may do what with an application: the owner (and admins) read and change it; an officer reads the
 * applications booked at their own office. Anything else is "not found", so ids cannot be probed.
 */
public final class Access {

    private Access() {
    }

    public static UUID accountOf(Caller caller) {
        try {
            return UUID.fromString(caller.accountId());
        } catch (IllegalArgumentException notAnAccount) {
            throw ProblemException.of(CommonProblem.FORBIDDEN);
        }
    }

    /** The caller owns the application (or is an admin); otherwise 404. */
    public static Application owned(Application app, Caller caller) {
        if (app == null) {
            throw ProblemException.of(ApplicationProblem.APPLICATION_NOT_FOUND);
        }
        if (caller.hasRole(Roles.ADMIN)) {
            return app;
        }
        if (!caller.hasRole(Roles.APPLICANT) || !app.accountId.toString().equals(caller.accountId())) {
            throw ProblemException.of(ApplicationProblem.APPLICATION_NOT_FOUND);
        }
        return app;
    }

    /** The owner, an admin, or an officer of the office the application is booked at. */
    public static Application readable(Application app, Caller caller) {
        if (app != null && caller.hasRole(Roles.OFFICER) && !caller.hasRole(Roles.ADMIN)) {
            if (app.officeCode == null || caller.officeCode().filter(app.officeCode::equals).isEmpty()) {
                throw ProblemException.of(ApplicationProblem.APPLICATION_NOT_FOUND);
            }
            return app;
        }
        return owned(app, caller);
    }

    /**
     * Who the caller is to an application they may read ({@link #readable}): its applicant, an officer of its office,
     * or an admin. Helpdesk messages, corrections and resends record it.
     */
    public static Party party(Application app, Caller caller) {
        if (caller.hasRole(Roles.APPLICANT) && app.accountId.toString().equals(caller.accountId())) {
            return Party.APPLICANT;
        }
        return caller.hasRole(Roles.ADMIN) ? Party.ADMIN : Party.OFFICER;
    }

    /** Owned and still a draft: applicants and documents may change. */
    public static Application editable(Application app, Caller caller) {
        owned(app, caller);
        if (app.status != ApplicationStatus.DRAFT) {
            throw ProblemException.of(ApplicationProblem.NOT_EDITABLE, app.status.name());
        }
        return app;
    }
}
