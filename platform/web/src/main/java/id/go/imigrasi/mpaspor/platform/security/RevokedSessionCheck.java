package id.go.imigrasi.mpaspor.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Refuses (401) a verified JWT whose session ({@code sid} claim) was revoked: after logout, password change or
 * reset, or refresh-token reuse, its access tokens stop working at once instead of at their expiry.
 */
@ApplicationScoped
public class RevokedSessionCheck implements SecurityIdentityAugmentor {

    /** The claim account-service puts the login session's id in. */
    public static final String SESSION_CLAIM = "sid";

    private final RevokedSessions revoked;

    public RevokedSessionCheck(RevokedSessions revoked) {
        this.revoked = revoked;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt
                && revoked.isRevoked(jwt.getClaim(SESSION_CLAIM))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("the session of this token was ended"));
        }
        return Uni.createFrom().item(identity);
    }
}
