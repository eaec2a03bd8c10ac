package id.go.imigrasi.mpaspor.application.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.MailResend;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MailResendRepository implements PanacheRepositoryBase<MailResend, UUID> {

    /** The newest resend of this kind for the application, or null. */
    public Uni<MailResend> latest(UUID applicationId, String kind) {
        return find("applicationId = ?1 and kind = ?2", Sort.descending("requestedAt"), applicationId, kind)
                .firstResult();
    }
}
