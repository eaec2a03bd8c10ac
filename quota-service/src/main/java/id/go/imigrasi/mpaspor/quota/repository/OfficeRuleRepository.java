package id.go.imigrasi.mpaspor.quota.repository;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.domain.OfficeRule;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OfficeRuleRepository implements PanacheRepositoryBase<OfficeRule, OfficeRule.Key> {

    private static final String LARGEST = "select r.officeCode, r.service, max(r.capacity) from OfficeRule r";
    private static final String BY_LINE = " group by r.officeCode, r.service";

    public Uni<List<OfficeRule>> of(String office) {
        return list("officeCode = ?1 order by weekday, service, slotSession", office);
    }

    /**
     * Per office that has rules, the largest capacity of each service line it has a rule for (any weekday and
     * session), in one read; an office without rules is absent.
     */
    public Uni<Map<String, Map<ServiceLine, Integer>>> largestCapacities() {
        return getSession().chain(s -> s.createSelectionQuery(LARGEST + BY_LINE, Object[].class).getResultList())
                .map(OfficeRuleRepository::byOffice);
    }

    /** The same for one office: empty when it has no rules. */
    public Uni<Map<ServiceLine, Integer>> largestCapacities(String office) {
        return getSession().chain(s -> s.createSelectionQuery(LARGEST + " where r.officeCode = :office" + BY_LINE,
                Object[].class).setParameter("office", office).getResultList())
                .map(rows -> byOffice(rows).getOrDefault(office, Map.of()));
    }

    private static Map<String, Map<ServiceLine, Integer>> byOffice(List<Object[]> rows) {
        Map<String, Map<ServiceLine, Integer>> largest = new HashMap<>();
        for (Object[] row : rows) {
            largest.computeIfAbsent((String) row[0], o -> new EnumMap<>(ServiceLine.class))
                    .put((ServiceLine) row[1], ((Number) row[2]).intValue());
        }
        return largest;
    }
}
