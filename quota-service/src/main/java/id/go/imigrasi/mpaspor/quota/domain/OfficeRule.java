package id.go.imigrasi.mpaspor.quota.domain;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An office's capacity for one ISO weekday (1 = Monday), service line and session; set by an admin. */
@Entity
@Table(name = "office_rule")
@IdClass(OfficeRule.Key.class)
public class OfficeRule {

    @Id
    @Column(name = "office_code")
    public String officeCode;

    @Id
    @Column(name = "weekday")
    public short weekday;

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

    public static class Key implements Serializable {
        public String officeCode;
        public short weekday;
        public ServiceLine service;
        public DaySession slotSession;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(officeCode, k.officeCode) && weekday == k.weekday
                    && service == k.service && slotSession == k.slotSession;
        }

        @Override
        public int hashCode() {
            return Objects.hash(officeCode, weekday, service, slotSession);
        }
    }
}
