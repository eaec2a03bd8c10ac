package id.go.imigrasi.mpaspor.account.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "account")
public class Account {

    public enum Role {
        APPLICANT, OFFICER, ADMIN,
        /** Operations staff: the ops console (issue 18), nothing else. */
        OPS;

        /** The JWT group of this role. */
        public String group() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Status {
        PENDING_VERIFICATION, ACTIVE, DISABLED,
        /** The holder asked for erasure: locked until application-service decides (issue 23). */
        ERASURE_PENDING,
        /** Erased: the row stays, without personal data, so that ids elsewhere never name another account. */
        ERASED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    public String phone;

    /** When {@link #phone} was proven by a code sent to it; null: never texted. */
    @Column(name = "phone_verified_at")
    public Instant phoneVerifiedAt;

    /** The channels the holder chose (issue 22), as {@code NotificationChannels} stores them: {@code EMAIL,SMS}. */
    @Column(name = "notify_channels", nullable = false)
    public String notifyChannels = "EMAIL";

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "office_code")
    public String officeCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    /** The officer who registered this account at a desk (assisted registration), else null. */
    @Column(name = "assisted_by")
    public UUID assistedBy;

    /** The office of that desk. */
    @Column(name = "assisted_office")
    public String assistedOffice;

    @Version
    public long version;

    public boolean isActive() {
        return status == Status.ACTIVE;
    }
}
