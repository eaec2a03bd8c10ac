package id.go.imigrasi.mpaspor.quota.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.domain.OfficeHours;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OfficeHoursRepository implements PanacheRepositoryBase<OfficeHours, OfficeHours.Key> {

    /** Every office's hours in one read, by office, weekday and opening time. */
    public Uni<List<OfficeHours>> ofAllOffices() {
        return listAll(Sort.by("officeCode", "weekday", "opens"));
    }

    /** One office's hours by weekday and opening time. */
    public Uni<List<OfficeHours>> of(String office) {
        return list("officeCode", Sort.by("weekday", "opens"), office);
    }
}
