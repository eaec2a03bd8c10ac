package id.go.imigrasi.mpaspor.quota.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.domain.OfficeRule;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OfficeRuleRepository implements PanacheRepositoryBase<OfficeRule, OfficeRule.Key> {

    public Uni<List<OfficeRule>> of(String office) {
        return list("officeCode = ?1 order by weekday, service, slotSession", office);
    }
}
