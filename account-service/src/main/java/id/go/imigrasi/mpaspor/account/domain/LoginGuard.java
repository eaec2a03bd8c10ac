package id.go.imigrasi.mpaspor.account.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * Login attempts of one email from one client ({@code client} = its address), or of the email from everywhere
 * ({@code client} = {@link #GLOBAL}), and the lock or back-off they caused. The rules that read and write these
 * rows are in {@code LoginThrottle}; the rows are read under a row lock.
 */
@Entity
@Table(name = "login_guard")
@IdClass(LoginGuard.Key.class)
public class LoginGuard {

    /** The client of the email's global row. */
    public static final String GLOBAL = "";

    @Id
    public String email;

    @Id
    public String client;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public static class Key implements Serializable {
        public String email;
        public String client;

        public Key() {
        }

        public Key(String email, String client) {
            this.email = email;
            this.client = client;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(email, k.email) && Objects.equals(client, k.client);
        }

        @Override
        public int hashCode() {
            return Objects.hash(email, client);
        }
    }
}
