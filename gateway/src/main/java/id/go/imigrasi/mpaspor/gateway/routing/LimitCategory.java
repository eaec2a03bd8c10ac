package id.go.imigrasi.mpaspor.gateway.routing;

/** Anonymous endpoints attackers like to hammer: each has a stricter per-IP bucket of its own. */
public enum LimitCategory {
    LOGIN,
    OTP,
    REGISTRATION,
    PASSWORD_RESET,
    STATUS_CHECK
}
