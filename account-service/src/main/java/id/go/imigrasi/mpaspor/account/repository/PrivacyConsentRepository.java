package id.go.imigrasi.mpaspor.account.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.domain.PrivacyConsent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PrivacyConsentRepository implements PanacheRepositoryBase<PrivacyConsent, UUID> {

    /** Whether the account has accepted this version of the notice. */
    public Uni<Boolean> accepted(UUID accountId, String noticeVersion) {
        return count("accountId = ?1 and noticeVersion = ?2", accountId, noticeVersion).map(n -> n > 0);
    }

    /**
     * Records an acceptance unless the account already accepted that version (the row stays as it was: the first
     * acceptance is the record); true when a row was written.
     */
    public Uni<Boolean> recordOnce(PrivacyConsent consent) {
        return getSession().chain(s -> s.createNativeQuery("INSERT INTO privacy_consent (id, account_id, notice_version,"
                + " accepted_at, language, client_address) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                + " ON CONFLICT (account_id, notice_version) DO NOTHING")
                .setParameter(1, consent.id).setParameter(2, consent.accountId).setParameter(3, consent.noticeVersion)
                .setParameter(4, consent.acceptedAt).setParameter(5, consent.language)
                .setParameter(6, consent.clientAddress).executeUpdate()).map(n -> n > 0);
    }
}
