package id.go.imigrasi.mpaspor.upload.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.contracts.application.ApplicantsChanged;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDocumentsDiscarded;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import id.go.imigrasi.mpaspor.upload.service.ApplicationsProjection;
import id.go.imigrasi.mpaspor.upload.service.DocumentDiscards;
import io.smallrye.mutiny.Uni;

/**
 * application.events: who may upload for which applicant ({@link ApplicationsProjection}) and which documents the
 * retention rules discarded ({@link DocumentDiscards}); every other application event is skipped unread.
 */
@ApplicationScoped
public class ApplicationEventsConsumer {

    static final String CONSUMER = "upload-application";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public ApplicationEventsConsumer(Inbox inbox, ApplicationsProjection projection, DocumentDiscards discards) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(ApplicantsChanged.class, projection::applicantsChanged)
                .on(ApplicationSubmitted.class, projection::submitted)
                .on(ApplicationCancelled.class, projection::cancelled)
                .on(ApplicationDocumentsDiscarded.class, discards::discarded)
                .build();
    }

    @Incoming("application-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers);
    }
}
