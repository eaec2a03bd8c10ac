package id.go.imigrasi.mpaspor.application.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import id.go.imigrasi.mpaspor.application.service.AccountErasure;
import id.go.imigrasi.mpaspor.application.service.AccountExport;
import id.go.imigrasi.mpaspor.application.service.NotificationPreferences;
import id.go.imigrasi.mpaspor.contracts.account.AccountErasureRequested;
import id.go.imigrasi.mpaspor.contracts.account.DataExportRequested;
import id.go.imigrasi.mpaspor.contracts.account.NotificationPreferencesChanged;
import id.go.imigrasi.mpaspor.platform.inbox.EventHandlers;
import id.go.imigrasi.mpaspor.platform.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/**
 * account.events: an erasure request is decided and, with no application in progress, carried out here first
 * ({@link AccountErasure}); a data export gets this service's part ({@link AccountExport}); how the holder wants to be
 * told is kept ({@link NotificationPreferences}); every other account event is skipped.
 */
@ApplicationScoped
public class AccountEventsConsumer {

    static final String CONSUMER = "application-account";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public AccountEventsConsumer(Inbox inbox, AccountErasure erasure, AccountExport export,
            NotificationPreferences notifications) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder().on(AccountErasureRequested.class, erasure::requested)
                .on(DataExportRequested.class, export::export)
                .on(NotificationPreferencesChanged.class, notifications::changed).build();
    }

    @Incoming("account-events")
    public Uni<Void> consume(Message<String> message) {
        return inbox.consume(CONSUMER, message, handlers);
    }
}
