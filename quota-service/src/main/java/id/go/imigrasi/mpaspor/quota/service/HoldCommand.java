package id.go.imigrasi.mpaspor.quota.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;

/** What an applicant asks to hold: one place per NIK. */
public record HoldCommand(String officeCode, LocalDate date, DaySession session, ServiceLine service,
        List<String> niks, PassportKind passportKind, String deskOffice) {

    /** An applicant's own request, online (no desk acting for them). */
    public HoldCommand(String officeCode, LocalDate date, DaySession session, ServiceLine service, List<String> niks,
            PassportKind passportKind) {
        this(officeCode, date, session, service, niks, passportKind, null);
    }

    /** A walk-in place taken by an officer of the hold's office acting for the person at the desk. */
    public boolean walkInAtTheDesk() {
        return service == ServiceLine.PRIORITY_WALK_IN && service.bookableBy(deskOffice, officeCode);
    }

    /**
     * What the request asked for, independent of its JSON spelling (spaces, key order): SHA-256 of office, date,
     * session, service line, passport kind and the NIKs in request order. A retry with the same
     * {@code Idempotency-Key} must carry the same fingerprint.
     */
    public String fingerprint() {
        String canonical = String.join("|", officeCode, date.toString(), session.name(), service.name(),
                (passportKind == null ? PassportKind.ORDINARY : passportKind).name(), String.join(",", niks));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
