package id.go.imigrasi.mpaspor.application.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.CollectiveMember;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The members of collective batches, each with its application. */
@ApplicationScoped
public class CollectiveMemberRepository implements PanacheRepositoryBase<CollectiveMember, CollectiveMember.Key> {

    public Uni<List<CollectiveMember>> ofBatch(UUID batchId) {
        return find("batchId", Sort.ascending("position"), batchId).list();
    }

    /** The member whose application this is, or null (the application is not a batch's). */
    public Uni<CollectiveMember> ofApplication(UUID applicationId) {
        return find("applicationId", applicationId).firstResult();
    }
}
