package id.go.imigrasi.mpaspor.account.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One acceptance of one version of the privacy notice by one account: append-only (the table's trigger refuses
 * UPDATE and DELETE), at most one row per (account, version).
 */
@Entity
@Table(name = "privacy_consent")
public class PrivacyConsent {

    @Id
    public UUID id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Column(name = "notice_version", nullable = false, updatable = false)
    public String noticeVersion;

    @Column(name = "accepted_at", nullable = false, updatable = false)
    public Instant acceptedAt;

    @Column(nullable = false, updatable = false)
    public String language;

    @Column(name = "client_address", updatable = false)
    public String clientAddress;
}
