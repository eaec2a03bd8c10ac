package id.go.imigrasi.mpaspor.quota.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.go.imigrasi.mpaspor.quota.domain.Hold;

/** A hold or booking as its owner sees it. */
public record HoldView(String holdId, String status, String officeCode, LocalDate date, String session,
        String service, String passportKind, List<String> niks, Instant expiresAt, String applicationId,
        int reschedulesUsed) {

    static HoldView of(Hold h) {
        return new HoldView(h.id.toString(), h.status.name(), h.officeCode, h.slotDate, h.slotSession.name(),
                h.service.name(), h.passportKind.name(), h.nikList(), h.expiresAt, h.applicationId, h.reschedulesUsed);
    }
}
