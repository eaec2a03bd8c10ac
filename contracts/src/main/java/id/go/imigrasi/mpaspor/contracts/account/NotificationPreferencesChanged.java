package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;
import java.util.List;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * How the account holder wants to be told about their applications (issue 22): the channels ({@code EMAIL},
 * {@code SMS}, {@code WHATSAPP}; never empty), the language ({@code id} or {@code en}), the e-mail address and the
 * mobile number, present only once the holder proved it with a code sent to it (null otherwise: no text is ever sent
 * to an unproven number). Published whenever any of these changes; the newest ({@code changedAt}) wins. A service
 * that sends notifications keeps the latest per account and, without one, uses e-mail in the account's language.
 */
@EventType(service = "account", name = "NotificationPreferencesChanged")
public record NotificationPreferencesChanged(String accountId, String email, String verifiedPhone,
        List<String> channels, String language, Instant changedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
