package id.go.imigrasi.mpaspor.billing.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.billing.domain.BillLine;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BillLineRepository implements PanacheRepositoryBase<BillLine, BillLine.Key> {

    public Uni<List<BillLine>> ofBill(UUID billId) {
        return list("billId = ?1 order by lineNo", billId);
    }
}
