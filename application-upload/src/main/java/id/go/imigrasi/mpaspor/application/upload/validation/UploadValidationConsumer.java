package id.go.imigrasi.mpaspor.application.upload.validation;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.contracts.upload.DocumentUploaded;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * upload.events, own channel and consumer group: every DocumentUploaded is validated once (inbox), at the
 * consumer's own pace, whatever the rate of uploads. The other event types on the topic are ignored.
 */
@ApplicationScoped
public class UploadValidationConsumer {

    public static final String CONSUMER = "upload-validation";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public UploadValidationConsumer(Inbox inbox, DocumentValidation validation) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder().on(DocumentUploaded.class, validation::onUploaded).build();
    }

    @Incoming("upload-validation")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers);
    }
}
