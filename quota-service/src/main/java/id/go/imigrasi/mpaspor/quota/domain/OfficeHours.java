package id.go.imigrasi.mpaspor.quota.domain;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One interval an office is open on an ISO weekday (1 = Monday), in the office's local time; a weekday may have
 * several (Friday's prayer break), a weekday without any is closed. Seeded by migration V70.
 */
@Entity
@Table(name = "office_hours")
@IdClass(OfficeHours.Key.class)
public class OfficeHours {

    @Id
    @Column(name = "office_code")
    public String officeCode;

    @Id
    @Column(name = "weekday")
    public short weekday;

    @Id
    @Column(name = "opens")
    public LocalTime opens;

    @Column(name = "closes", nullable = false)
    public LocalTime closes;

    public static class Key implements Serializable {
        public String officeCode;
        public short weekday;
        public LocalTime opens;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(officeCode, k.officeCode) && weekday == k.weekday
                    && Objects.equals(opens, k.opens);
        }

        @Override
        public int hashCode() {
            return Objects.hash(officeCode, weekday, opens);
        }
    }
}
