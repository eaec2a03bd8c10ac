package id.go.imigrasi.mpaspor.account.service;

/** What someone registering (or an admin creating an officer) gives. */
public record Registration(String fullName, String email, String phone, String password, String officeCode) {
}
