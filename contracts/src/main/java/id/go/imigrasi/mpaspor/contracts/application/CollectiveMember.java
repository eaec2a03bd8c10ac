package id.go.imigrasi.mpaspor.contracts.application;

/**
 * One verified member of a collective batch: the member's application (also the account of the member's quota hold)
 * and the NIK its place is bound to.
 */
public record CollectiveMember(String applicationId, String nik) {
}
