package id.go.imigrasi.mpaspor.account.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.MailMessage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MailRepository implements PanacheRepositoryBase<MailMessage, UUID> {
}
