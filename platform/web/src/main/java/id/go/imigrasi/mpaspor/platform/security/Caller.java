package id.go.imigrasi.mpaspor.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/**
 * Who is calling, from the verified JWT: subject = account id, {@code upn} = email, {@code groups} = roles,
 * {@link Roles#OFFICE_CLAIM} = an officer's office. The ownership rules live here so every service applies
 * them the same way.
 */
@RequestScoped
public class Caller {

    private final JsonWebToken jwt;

    public Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public boolean isAuthenticated() {
        return jwt != null && jwt.getSubject() != null;
    }

    public String accountId() {
        if (!isAuthenticated()) {
            throw ProblemException.of(CommonProblem.UNAUTHORIZED);
        }
        return jwt.getSubject();
    }

    public String email() {
        return jwt.getName();
    }

    public boolean hasRole(String role) {
        return isAuthenticated() && jwt.getGroups().contains(role);
    }

    public Optional<String> officeCode() {
        return isAuthenticated() ? Optional.ofNullable(jwt.<String>getClaim(Roles.OFFICE_CLAIM)) : Optional.empty();
    }

    /**
     * The officer acting for this applicant at an office desk (assisted registration, issue 19): the token's
     * {@code act} claim (RFC 8693, {@code {"sub": officer id, "office_code": office}}), present only in the
     * tokens account-service issues to a desk for a person it registered. The token's subject is still the person,
     * so every ownership rule applies unchanged; this says who is at the keyboard, to record it.
     */
    public Optional<Actor> actor() {
        return isAuthenticated() ? actorOf(jwt) : Optional.empty();
    }

    /** {@link #actor()} of a verified token (for endpoints that resolve the identity themselves, off the worker). */
    public static Optional<Actor> actorOf(JsonWebToken jwt) {
        if (jwt == null || jwt.getSubject() == null) {
            return Optional.empty();
        }
        Object act = jwt.getClaim(Roles.ACTOR_CLAIM);
        if (act instanceof jakarta.json.JsonObject json && json.get("sub") instanceof jakarta.json.JsonString sub
                && json.get(Roles.OFFICE_CLAIM) instanceof jakarta.json.JsonString office) {
            return Optional.of(new Actor(sub.getString(), office.getString()));
        }
        return Optional.empty();
    }

    /** An officer acting for the token's subject, at their office. */
    public record Actor(String officerId, String officeCode) {
    }

    /**
     * An applicant reaches only their own data. Someone else's resource answers 404, not 403, so that ids cannot
     * be probed; admins may read everything.
     */
    public void requireOwner(String ownerAccountId) {
        if (hasRole(Roles.ADMIN)) {
            return;
        }
        if (!accountId().equals(ownerAccountId)) {
            throw ProblemException.of(CommonProblem.NOT_FOUND);
        }
    }

    /** An officer acts only on their own office. */
    public void requireOffice(String officeCode) {
        if (hasRole(Roles.ADMIN)) {
            return;
        }
        if (!hasRole(Roles.OFFICER) || officeCode().filter(officeCode::equals).isEmpty()) {
            throw ProblemException.of(CommonProblem.FORBIDDEN);
        }
    }
}
