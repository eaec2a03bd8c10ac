package id.go.imigrasi.mpaspor.quota.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import id.go.imigrasi.mpaspor.quota.domain.SlotStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The quota calendar of one office and service line: per date and session, what is left. */
@Schema(name = "Calendar", description = "The quota calendar of one office and service line: per date and session, what is left")
public record Calendar(String officeCode, ServiceLine service, PassportKind passportKind, LocalDate from,
        LocalDate to, Instant generatedAt, List<Day> days) {

    @Schema(name = "CalendarDay")
    public record Day(LocalDate date, List<Session> sessions) {
    }

    /** {@code releaseAt} is set for NOT_RELEASED dates whose release is scheduled. */
    @Schema(name = "CalendarSession")
    public record Session(DaySession session, int capacity, int remaining, SlotStatus status, Instant releaseAt) {
    }
}
