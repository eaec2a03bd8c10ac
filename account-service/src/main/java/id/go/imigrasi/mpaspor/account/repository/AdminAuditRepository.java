package id.go.imigrasi.mpaspor.account.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.AdminAuditEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AdminAuditRepository implements PanacheRepositoryBase<AdminAuditEntry, UUID> {

    /** The latest entries first, of one office or all. */
    public Uni<List<AdminAuditEntry>> latest(String officeCode, int limit) {
        var query = officeCode == null ? findAll(Sort.descending("at"))
                : find("officeCode", Sort.descending("at"), officeCode);
        return query.page(Page.ofSize(limit)).list();
    }
}
