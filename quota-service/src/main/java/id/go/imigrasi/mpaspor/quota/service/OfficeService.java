package id.go.imigrasi.mpaspor.quota.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.domain.Office;
import id.go.imigrasi.mpaspor.quota.domain.OfficeHours;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.repository.OfficeHoursRepository;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRepository;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRuleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * The office catalogue with each office's opening hours and the service lines it offers ({@link ServicesOffered});
 * nearest first from the phone's location (haversine distance). The list is three reads whatever the number of
 * offices: the offices, every office's hours, every office's largest capacity per service line.
 */
@ApplicationScoped
public class OfficeService {

    /**
     * An office, when a location was given its distance from it, its opening intervals (by weekday and opening
     * time) and the service lines it offers.
     */
    public record Located(Office office, Double distanceKm, List<OfficeHours> hours, List<ServiceLine> services) {
    }

    private final OfficeRepository offices;
    private final OfficeHoursRepository hours;
    private final OfficeRuleRepository rules;
    private final ServicesOffered servicesOffered;

    public OfficeService(OfficeRepository offices, OfficeHoursRepository hours, OfficeRuleRepository rules,
            ServicesOffered servicesOffered) {
        this.offices = offices;
        this.hours = hours;
        this.rules = rules;
        this.servicesOffered = servicesOffered;
    }

    @WithSession
    public Uni<List<Located>> list(Double lat, Double lon) {
        // one session runs one statement at a time: the three reads follow each other
        return offices.listAll().chain(all -> hours.ofAllOffices().chain(allHours -> rules.largestCapacities()
                .map(largest -> {
                    Map<String, List<OfficeHours>> hoursOf = allHours.stream()
                            .collect(Collectors.groupingBy(h -> h.officeCode));
                    return all.stream()
                            .map(o -> new Located(o, lat == null ? null : Math.round(o.distanceKm(lat, lon) * 10) / 10.0,
                                    hoursOf.getOrDefault(o.code, List.of()),
                                    servicesOffered.of(largest.getOrDefault(o.code, Map.of()))))
                            .sorted(lat == null ? Comparator.comparing((Located l) -> l.office().code)
                                    : Comparator.comparing(Located::distanceKm).thenComparing(l -> l.office().code))
                            .toList();
                })));
    }

    @WithSession
    public Uni<Located> get(String code) {
        return offices.findById(code)
                .onItem().ifNull().failWith(() -> ProblemException.of(QuotaProblem.OFFICE_NOT_FOUND, code))
                .chain(office -> hours.of(office.code).chain(officeHours -> rules.largestCapacities(office.code)
                        .map(largest -> new Located(office, null, officeHours, servicesOffered.of(largest)))));
    }
}
