package id.go.imigrasi.mpaspor.contracts.biometric;

import java.time.Instant;
import java.util.Map;

import id.go.imigrasi.mpaspor.contracts.EventType;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;

/**
 * biometric-service erased what it held about the account: its bookings, appointments and finger capture results (names, NIKs, passport numbers, collectors). {@code removed}
 * counts the rows removed or anonymised, by kind. account-service records the confirmation. Key: the account id.
 */
@EventType(service = "biometric", name = "BiometricDataErased", description = "biometric-service erased what it held about"
        + " the account (its bookings, appointments and finger capture results (names, NIKs, passport numbers, collectors)). removed counts the rows removed or anonymised, by kind; account-service records the"
        + " confirmation. Key: the account id.")
public record BiometricDataErased(String accountId, Map<String, Integer> removed, Instant erasedAt)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return accountId;
    }
}
