package id.go.imigrasi.mpaspor.application.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.repository.NotificationPreferenceRepository;
import id.go.imigrasi.mpaspor.contracts.account.NotificationPreferencesChanged;
import io.smallrye.mutiny.Uni;

/**
 * Follows how each holder wants to be told (account-service's {@code NotificationPreferencesChanged}, issue 22): the
 * newest event wins, so a redelivered or late older one changes nothing. {@code ApplicantMails} reads them when a step
 * notifies the holder.
 */
@ApplicationScoped
public class NotificationPreferences {

    private final NotificationPreferenceRepository preferences;

    public NotificationPreferences(NotificationPreferenceRepository preferences) {
        this.preferences = preferences;
    }

    /** Runs in the inbox's transaction. */
    public Uni<Void> changed(NotificationPreferencesChanged e) {
        return preferences.record(UUID.fromString(e.accountId()), e.email(), e.verifiedPhone(), e.channels(),
                e.language(), e.changedAt());
    }
}
