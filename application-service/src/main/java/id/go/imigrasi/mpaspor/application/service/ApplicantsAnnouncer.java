package id.go.imigrasi.mpaspor.application.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.contracts.application.ApplicantsChanged;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Announces an application's applicants (ApplicantsChanged: the whole list of its active applicants' NIKs) through the
 * outbox, in the transaction that changed them, under the application's row lock. quota-service keeps a projection
 * of it: a hold's NIKs must be applicants of one of the account's applications; upload-service one of the applicants'
 * ids and whether the application is a draft: who may upload for whom. Every change of who the applicants
 * are calls this: an applicant added, corrected, removed, or the application finished (its NIKs freed).
 */
@ApplicationScoped
public class ApplicantsAnnouncer {

    private final ApplicantRepository applicants;
    private final Outbox outbox;
    private final Clock clock;

    public ApplicantsAnnouncer(ApplicantRepository applicants, Outbox outbox, Clock clock) {
        this.applicants = applicants;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Appends ApplicantsChanged for {@code app} as its applicants are now (pending changes flushed first). */
    public Uni<Void> announce(Application app) {
        return Panache.getSession().chain(session -> session.flush())
                .chain(() -> applicants.ofApplication(app.id))
                .chain(all -> {
                    var active = all.stream().filter(a -> a.active).toList();
                    return outbox.append(new ApplicantsChanged(app.id.toString(), app.accountId.toString(),
                            active.stream().map(a -> a.nik).toList(), clock.instant(),
                            active.stream().map(a -> a.id.toString()).toList(), app.status == ApplicationStatus.DRAFT));
                })
                .replaceWithVoid();
    }

    /** Appends ApplicantsChanged with no applicants: the application finished and its NIKs were freed. */
    public Uni<Void> announceNone(Application app) {
        return outbox.append(new ApplicantsChanged(app.id.toString(), app.accountId.toString(), List.of(),
                clock.instant(), List.of(), false)).replaceWithVoid();
    }
}
