package id.go.imigrasi.mpaspor.application.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A quota hold as quota-service announced it on quota.events; never asked for synchronously. */
@Entity
@Table(name = "hold")
public class Hold {

    @Id
    @Column(name = "hold_id")
    public String holdId;

    @Column(name = "account_id", nullable = false)
    public String accountId;

    @Column(name = "office_code", nullable = false)
    public String officeCode;

    @Column(name = "slot_date", nullable = false)
    public LocalDate date;

    public String session;

    /** REGULAR or SAME_DAY: the line whose places the hold took. */
    public String service;

    /** ORDINARY or ELECTRONIC: the kind the hold's date was checked open for. */
    @Column(name = "passport_kind", nullable = false)
    public String passportKind = "ORDINARY";

    @Column(nullable = false)
    public String niks;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "application_id")
    public UUID applicationId;

    public List<String> nikList() {
        return niks == null || niks.isBlank() ? List.of() : Arrays.asList(niks.split(","));
    }
}
