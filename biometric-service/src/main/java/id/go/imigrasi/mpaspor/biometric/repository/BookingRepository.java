package id.go.imigrasi.mpaspor.biometric.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.biometric.domain.Booking;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, String> {

    /**
     * The booking of the application, created empty if this is the first event about it, and locked until the end
     * of the transaction: the consumers of application.events and quota.events take turns on one application.
     */
    public Uni<Booking> lockOrCreate(String applicationId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("INSERT INTO booking (application_id) VALUES (:id) ON CONFLICT DO NOTHING")
                        .setParameter("id", applicationId).executeUpdate())
                .chain(() -> findById(applicationId, LockModeType.PESSIMISTIC_WRITE));
    }
}
