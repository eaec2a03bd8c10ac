package id.go.imigrasi.mpaspor.quota.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.quota.domain.Office;
import id.go.imigrasi.mpaspor.quota.domain.OfficeHours;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.domain.UnitKind;
import id.go.imigrasi.mpaspor.quota.QuotaProblem;
import id.go.imigrasi.mpaspor.quota.repository.OfficeHoursRepository;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRepository;
import id.go.imigrasi.mpaspor.quota.repository.OfficeRuleRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * The office directory (every Kantor Imigrasi and the units each runs) with each office's opening hours, the service
 * lines and passport kinds it offers ({@link ServicesOffered}) and its units; nearest first from the phone's location
 * (haversine distance), filtered by province, kind of unit and electronic passports. The list is three reads whatever
 * the number of offices: the offices, every office's hours, every office's largest capacity per service line; the
 * filters apply to that (a few hundred rows at most), so a filtered list costs the same as the whole.
 */
@ApplicationScoped
public class OfficeService {

    /**
     * An office, when a location was given its distance from it, its opening intervals (by weekday and opening
     * time), the service lines and passport kinds it offers, and the units it runs (by code).
     */
    public record Located(Office office, Double distanceKm, List<OfficeHours> hours, List<ServiceLine> services,
            List<PassportKind> passportKinds, List<Office> units) {
    }

    /** Which offices a list keeps: each null criterion keeps every office; the province is matched ignoring case. */
    public record Filter(String province, UnitKind kind, Boolean ePassport) {

        public static final Filter NONE = new Filter(null, null, null);

        boolean keeps(Office o) {
            return (province == null || province.equalsIgnoreCase(o.province))
                    && (kind == null || kind == o.kind)
                    && (ePassport == null || ePassport == o.ePassport);
        }
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
        return list(lat, lon, Filter.NONE);
    }

    @WithSession
    public Uni<List<Located>> list(Double lat, Double lon, Filter filter) {
        // one session runs one statement at a time: the three reads follow each other
        return offices.listAll().chain(all -> hours.ofAllOffices().chain(allHours -> rules.largestCapacities()
                .map(largest -> {
                    Map<String, List<OfficeHours>> hoursOf = allHours.stream()
                            .collect(Collectors.groupingBy(h -> h.officeCode));
                    Map<String, List<Office>> unitsOf = all.stream().filter(o -> o.parentOffice != null)
                            .sorted(Comparator.comparing((Office o) -> o.code))
                            .collect(Collectors.groupingBy(o -> o.parentOffice));
                    return all.stream().filter(filter::keeps)
                            .map(o -> new Located(o, lat == null ? null : Math.round(o.distanceKm(lat, lon) * 10) / 10.0,
                                    hoursOf.getOrDefault(o.code, List.of()),
                                    servicesOffered.of(largest.getOrDefault(o.code, Map.of())),
                                    servicesOffered.passportKinds(o), unitsOf.getOrDefault(o.code, List.of())))
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
                        .chain(largest -> offices.list("parentOffice", Sort.by("code"), office.code)
                                .map(units -> new Located(office, null, officeHours, servicesOffered.of(largest),
                                        servicesOffered.passportKinds(office), units)))));
    }

    /** The office by its code, or 404 office-not-found (the code as given, in the problem's detail). */
    @WithSession
    public Uni<Office> require(String code) {
        return offices.findById(code)
                .onItem().ifNull().failWith(() -> ProblemException.of(QuotaProblem.OFFICE_NOT_FOUND, code));
    }
}
