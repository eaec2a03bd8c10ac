package id.go.imigrasi.mpaspor.upload.service;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.contracts.application.ApplicantsChanged;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.upload.repository.UploadTargetRepository;
import io.smallrye.mutiny.Uni;

/**
 * Keeps upload-service's projection of the applications from application.events, each event in its inbox
 * transaction: ApplicantsChanged (the applicants, and whether the application is a draft) replaces what was known;
 * ApplicationSubmitted and ApplicationCancelled end the draft, so its documents can no longer change. The events of
 * one application share its key, so they arrive in order.
 */
@ApplicationScoped
public class ApplicationsProjection {

    private final UploadTargetRepository targets;

    public ApplicationsProjection(UploadTargetRepository targets) {
        this.targets = targets;
    }

    public Uni<Void> applicantsChanged(ApplicantsChanged e) {
        return targets.replace(e.applicationId(), e.accountId(), e.isDraft(), e.applicantIdsOrNone(), e.changedAt());
    }

    public Uni<Void> submitted(ApplicationSubmitted e) {
        return targets.close(e.applicationId());
    }

    public Uni<Void> cancelled(ApplicationCancelled e) {
        return targets.close(e.applicationId());
    }
}
