package id.go.imigrasi.mpaspor.biometric.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.biometric.domain.FingerCapture;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class FingerCaptureRepository implements PanacheRepositoryBase<FingerCapture, UUID> {

    public Uni<List<FingerCapture>> ofAppointment(UUID appointmentId) {
        return list("appointmentId", appointmentId);
    }
}
