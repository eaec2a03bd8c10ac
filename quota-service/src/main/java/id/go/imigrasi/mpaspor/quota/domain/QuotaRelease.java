package id.go.imigrasi.mpaspor.quota.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A batch of an office's quota that goes on sale at {@code releaseAt}. */
@Entity
@Table(name = "quota_release")
public class QuotaRelease {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "office_code", nullable = false)
    public String officeCode;

    @Column(name = "from_date", nullable = false)
    public LocalDate fromDate;

    @Column(name = "to_date", nullable = false)
    public LocalDate toDate;

    @Column(name = "release_at", nullable = false)
    public Instant releaseAt;

    @Column(name = "slots", nullable = false)
    public int slots;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
