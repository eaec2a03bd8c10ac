package id.go.imigrasi.mpaspor.quota.repository;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.domain.Office;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OfficeRepository implements PanacheRepositoryBase<Office, String> {
}
