package id.go.imigrasi.mpaspor.account.domain;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Failed logins of one email (known or not) within a window, and the lock they caused. The rule lives here:
 * {@code maxFailures} failures within {@code window} lock the email for {@code lockFor}.
 */
@Entity
@Table(name = "login_guard")
public class LoginGuard {

    @Id
    public String email;

    @Column(nullable = false)
    public int failures;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Records a failure; returns true when this failure locks the email. */
    public boolean fail(Instant now, int maxFailures, Duration window, Duration lockFor) {
        if (windowStart == null || Duration.between(windowStart, now).compareTo(window) > 0) {
            windowStart = now;
            failures = 0;
        }
        failures++;
        if (failures >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failures = 0;
            windowStart = now;
            return true;
        }
        return false;
    }
}
