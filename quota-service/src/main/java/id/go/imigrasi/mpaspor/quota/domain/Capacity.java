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
 * The places of one office, date, service line and session, and the home of the no-overbooking rule: "a slot is
 * bookable" is {@link #bookability}. Read-only here: {@code held} changes only in statements that take places under
 * the SQL form of the same rule, the function {@code slot_bookable} (migration {@code V50__slot_bookable.sql}, with
 * the reasoning why it cannot overbook), which the CHECK {@code capacity_never_exceeded} backs up. The Java form
 * words the answers (why a hold was refused) and the calendar; the SQL form decides, under the row lock.
 * {@code BookabilityAgreementTest} evaluates both on the same rows.
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

    /** Whether {@code places} more can be taken, and if not, why; the order of the reasons is the answer's. */
    public enum Bookability {
        BOOKABLE,
        /** Not released yet ({@code release_at} in the future). */
        NOT_RELEASED,
        /** Closed by an admin (a holiday), or a day without places. */
        CLOSED,
        /** Open, but not to electronic passports on that date. */
        E_PASSPORT_CLOSED,
        /** Open, but fewer free places than asked. */
        FULL
    }

    /**
     * THE RULE: the slot is bookable for {@code places} more of an electronic passport request or not, at {@code now}
     * when it is open (not closed, capacity above 0), released ({@code releaseAt <= now}), has room
     * ({@code held + places <= capacity}) and, for an electronic passport, is open to e-passports. Mirrors
     * {@code slot_bookable} (SQL, V50) term by term.
     */
    public Bookability bookability(int places, boolean electronic, Instant now) {
        if (releaseAt.isAfter(now)) {
            return Bookability.NOT_RELEASED;
        }
        if (closed || capacity <= 0) {
            return Bookability.CLOSED;
        }
        if (electronic && ePassportClosed) {
            return Bookability.E_PASSPORT_CLOSED;
        }
        return held + places <= capacity ? Bookability.BOOKABLE : Bookability.FULL;
    }

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
