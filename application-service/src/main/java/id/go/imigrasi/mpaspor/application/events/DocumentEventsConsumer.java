package id.go.imigrasi.mpaspor.application.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.application.service.FollowDocuments;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentAccepted;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentRejected;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentUploaded;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * upload-service's document events on upload.events, each in its inbox transaction: the per-applicant document
 * states, in {@link FollowDocuments}; the topic's other events are skipped unread.
 */
@ApplicationScoped
public class DocumentEventsConsumer {

    public static final String CONSUMER = "application-documents";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public DocumentEventsConsumer(Inbox inbox, FollowDocuments documents) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(DocumentUploaded.class, documents::uploaded)
                .on(DocumentAccepted.class, documents::accepted)
                .on(DocumentRejected.class, documents::rejected)
                .build();
    }

    @Incoming("upload-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers);
    }
}
