package id.go.imigrasi.mpaspor.biometric.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.biometric.domain.Appointment;
import id.go.imigrasi.mpaspor.biometric.domain.AppointmentStatus;
import id.go.imigrasi.mpaspor.biometric.domain.DeskQuery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /** The appointment, locked until the end of the transaction: officers' actions on one applicant take turns. */
    public Uni<Appointment> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Appointment> lockByCode(String bookingCode) {
        return find("bookingCode", bookingCode).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<List<Appointment>> ofApplication(String applicationId) {
        return list("applicationId", Sort.by("createdAt").and("applicantId"), applicationId);
    }

    public Uni<List<Appointment>> lockScheduledOfApplication(String applicationId) {
        return find("applicationId = ?1 and status = ?2", Sort.by("applicantId"), applicationId,
                AppointmentStatus.SCHEDULED).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<Appointment>> ofAccount(String accountId) {
        return list("accountId", Sort.by("date").and("createdAt").and("applicantId"), accountId);
    }

    public Uni<List<Appointment>> ofOfficeOn(String officeCode, LocalDate date) {
        return list("officeCode = ?1 and date = ?2", Sort.by("session").and("createdAt"), officeCode, date);
    }

    /** The office's appointments matching an officer's search ({@link DeskQuery}), newest day first. */
    public Uni<List<Appointment>> search(String officeCode, DeskQuery query, int limit) {
        Sort newest = Sort.descending("date").and("createdAt", Sort.Direction.Descending);
        var found = switch (query.kind()) {
            case NIK -> find("officeCode = ?1 and nik = ?2", newest, officeCode, query.value());
            case PASSPORT_NUMBER -> find("officeCode = ?1 and passportNumber = ?2", newest, officeCode, query.value());
            case BOOKING_CODE -> find("officeCode = ?1 and (bookingCode = ?2 or lower(fullName) like ?3 escape '\\')",
                    newest, officeCode, query.value(), query.likePattern());
            case NAME -> find("officeCode = ?1 and lower(fullName) like ?2 escape '\\'", newest, officeCode,
                    query.likePattern());
        };
        return found.page(0, limit).list();
    }

    public Uni<List<Appointment>> inDelivery(int limit) {
        return find("status", Sort.by("handedOverAt"), AppointmentStatus.IN_DELIVERY).page(0, limit).list();
    }

    public Uni<Long> nextPassportSequence() {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT nextval('passport_number_seq')", Long.class)
                .getSingleResult());
    }

    /**
     * Claims up to {@code limit} appointments still SCHEDULED whose day ended before {@code today} (office time)
     * and marks them NO_SHOW in one statement; rows another run holds are skipped and the status is re-checked
     * under the lock, so each is marked by exactly one run.
     */
    public Uni<List<Appointment>> markNoShows(LocalDate today, Instant now, int limit) {
        String sql = "UPDATE appointment SET status = 'NO_SHOW', closed_at = :now WHERE id IN ("
                + " SELECT id FROM appointment WHERE status = 'SCHEDULED' AND date < :today"
                + " ORDER BY date LIMIT :limit FOR UPDATE SKIP LOCKED) AND status = 'SCHEDULED' RETURNING *";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Appointment.class)
                .setParameter("today", today).setParameter("now", now).setParameter("limit", limit)
                .getResultList());
    }

    /** Likewise for issued passports nobody collected (nor handed to Pos) before their deadline: UNCOLLECTED. */
    public Uni<List<Appointment>> markUncollected(Instant now, int limit) {
        String sql = "UPDATE appointment SET status = 'UNCOLLECTED', closed_at = :now WHERE id IN ("
                + " SELECT id FROM appointment WHERE status = 'ISSUED' AND collect_before < :now"
                + " ORDER BY collect_before LIMIT :limit FOR UPDATE SKIP LOCKED) AND status = 'ISSUED' RETURNING *";
        return Panache.getSession().chain(s -> s.createNativeQuery(sql, Appointment.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList());
    }
}
