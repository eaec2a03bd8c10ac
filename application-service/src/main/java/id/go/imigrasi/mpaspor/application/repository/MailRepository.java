package id.go.imigrasi.mpaspor.application.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.ApplicantMail;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MailRepository implements PanacheRepositoryBase<ApplicantMail, UUID> {
}
