package id.go.imigrasi.mpaspor.quota.domain;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A place that takes passport applications: a Kantor Imigrasi, or a service unit it runs ({@link UnitKind}). Seeded by
 * migrations V2 and V80 (the directory, with where each row comes from in {@code source}).
 */
@Entity
@Table(name = "office")
public class Office {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    @Id
    @Column(name = "code")
    public String code;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "city", nullable = false)
    public String city;

    @Column(name = "address", nullable = false)
    public String address;

    @Column(name = "latitude", nullable = false)
    public double latitude;

    @Column(name = "longitude", nullable = false)
    public double longitude;

    /** WIB, WITA or WIT. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "zone_id", nullable = false)
    public String zoneId;

    @Column(name = "province", nullable = false)
    public String province;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "unit_kind", nullable = false)
    public UnitKind kind;

    /** The Kantor Imigrasi a unit belongs to; null for a Kantor. */
    @Column(name = "parent_office")
    public String parentOffice;

    /** Null when not known (never guessed). */
    @Column(name = "phone")
    public String phone;

    /** Null when not known (never guessed). */
    @Column(name = "email")
    public String email;

    /** Issues electronic passports (a release closes its dates to e-passports otherwise). */
    @Column(name = "e_passport", nullable = false)
    public boolean ePassport;

    /** Where the row comes from and when it was compiled. */
    @Column(name = "source", nullable = false)
    public String source;

    public ZoneId zone() {
        return ZoneId.of(zoneId);
    }

    /** The office's local date now: "tomorrow" in Jayapura starts two hours before it does in Jakarta. */
    public LocalDate today(java.time.Clock clock) {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** Great-circle distance (haversine) from a point, in kilometres. */
    public double distanceKm(double lat, double lon) {
        double dLat = Math.toRadians(latitude - lat);
        double dLon = Math.toRadians(longitude - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(latitude)) * Math.sin(dLon / 2)
                        * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
