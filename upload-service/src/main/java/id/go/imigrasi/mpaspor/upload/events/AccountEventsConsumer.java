package id.go.imigrasi.mpaspor.upload.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.contracts.account.AccountErased;
import id.go.imigrasi.mpaspor.contracts.account.DataExportRequested;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import id.go.imigrasi.mpaspor.upload.service.AccountErasure;
import id.go.imigrasi.mpaspor.upload.service.AccountExport;
import io.smallrye.mutiny.Uni;

/**
 * account.events: an erased account's uploads go ({@link AccountErasure}); a data export gets this service's part
 * ({@link AccountExport}); every other account event is skipped.
 */
@ApplicationScoped
public class AccountEventsConsumer {

    static final String CONSUMER = "upload-account";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public AccountEventsConsumer(Inbox inbox, AccountErasure erasure, AccountExport export) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder().on(AccountErased.class, erasure::erase)
                .on(DataExportRequested.class, export::export).build();
    }

    @Incoming("account-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers);
    }
}
