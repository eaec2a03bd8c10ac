package id.go.imigrasi.mpaspor.application.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.application.domain.Hold;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HoldRepository implements PanacheRepositoryBase<Hold, String> {

    public Uni<Hold> lock(String holdId) {
        return findById(holdId, LockModeType.PESSIMISTIC_WRITE);
    }
}
