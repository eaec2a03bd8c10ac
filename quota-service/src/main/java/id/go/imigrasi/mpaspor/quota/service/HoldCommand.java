package id.go.imigrasi.mpaspor.quota.service;

import java.time.LocalDate;
import java.util.List;

import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;

/** What an applicant asks to hold: one place per NIK. */
public record HoldCommand(String officeCode, LocalDate date, DaySession session, ServiceLine service,
        List<String> niks, PassportKind passportKind) {
}
