package id.go.imigrasi.mpaspor.quota.service;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.domain.Office;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The office catalogue; nearest first from the phone's location (haversine distance). */
@ApplicationScoped
public class OfficeService {

    /** An office and, when a location was given, its distance from it. */
    public record Located(Office office, Double distanceKm) {
    }

    private final OfficeRepository offices;

    public OfficeService(OfficeRepository offices) {
        this.offices = offices;
    }

    @WithSession
    public Uni<List<Located>> list(Double lat, Double lon) {
        return offices.listAll().map(all -> all.stream()
                .map(o -> new Located(o, lat == null ? null : Math.round(o.distanceKm(lat, lon) * 10) / 10.0))
                .sorted(lat == null ? Comparator.comparing((Located l) -> l.office().code)
                        : Comparator.comparing(Located::distanceKm).thenComparing(l -> l.office().code))
                .toList());
    }

    @WithSession
    public Uni<Office> get(String code) {
        return offices.findById(code)
                .onItem().ifNull().failWith(() -> ProblemException.of(QuotaProblem.OFFICE_NOT_FOUND, code));
    }
}
