package id.go.imigrasi.mpaspor.quota.domain;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The places of one office, date, service line and session. Read-only here: {@code held} changes only through
 * the conditional UPDATEs of {@link id.go.imigrasi.mpaspor.quota.repository.CapacityRepository}.
 */
@Entity
@Table(name = "capacity")
@IdClass(Capacity.Key.class)
public class Capacity {

    @Id
    @Column(name = "office_code")
    public String officeCode;

    @Id
    @Column(name = "date")
    public LocalDate slotDate;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "service")
    public ServiceLine service;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "session")
    public DaySession slotSession;

    @Column(name = "capacity", nullable = false)
    public int capacity;

    @Column(name = "held", nullable = false)
    public int held;

    @Column(name = "release_at", nullable = false)
    public Instant releaseAt;

    @Column(name = "closed", nullable = false)
    public boolean closed;

    @Column(name = "e_passport_closed", nullable = false)
    public boolean ePassportClosed;

    @Column(name = "release_id")
    public UUID releaseId;

    public int remaining() {
        return Math.max(0, capacity - held);
    }

    public static class Key implements Serializable {
        public String officeCode;
        public LocalDate slotDate;
        public ServiceLine service;
        public DaySession slotSession;

        public Key() {
        }

        public Key(String officeCode, LocalDate slotDate, ServiceLine service, DaySession slotSession) {
            this.officeCode = officeCode;
            this.slotDate = slotDate;
            this.service = service;
            this.slotSession = slotSession;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(officeCode, k.officeCode)
                    && Objects.equals(slotDate, k.slotDate) && service == k.service && slotSession == k.slotSession;
        }

        @Override
        public int hashCode() {
            return Objects.hash(officeCode, slotDate, service, slotSession);
        }
    }
}
