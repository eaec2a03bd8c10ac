package id.go.imigrasi.mpaspor.account;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;

/** Committed rows of the test database, and moving an email's recorded times into the past. */
final class Db {

    private Db() {
    }

    static long count(String sql, Object... args) {
        return RealInfrastructure.database().count(sql, args);
    }

    static int update(String sql, Object... args) {
        return RealInfrastructure.database().update(sql, args);
    }

    /** As if {@code seconds} had passed since the email's OTP requests and codes were made. */
    static void ageOtp(String email, int seconds) {
        update("UPDATE otp_request SET requested_at = requested_at - make_interval(secs => ?) WHERE email = ?",
                seconds, email);
        update("UPDATE otp SET created_at = created_at - make_interval(secs => ?), "
                + "expires_at = expires_at - make_interval(secs => ?) "
                + "WHERE account_id = (SELECT id FROM account WHERE email = ?)", seconds, seconds, email);
    }
}
