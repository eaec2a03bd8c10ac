package id.go.imigrasi.mpaspor.contracts.account;

import java.time.Instant;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/** The password was changed by its owner ({@code CHANGE}) or reset with an emailed OTP ({@code RESET}). */
@EventType(service = "account", name = "PasswordChanged")
public record PasswordChanged(String accountId, String how, Instant changedAt) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
