package id.go.imigrasi.mpaspor.account.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.Otp;

/** The request and response bodies of the account API. */
public final class AccountApi {

    /** Longest email (RFC 5321 path) and longest password or token read; longer ones are a field error. */
    static final int EMAIL_MAX = 254;
    static final int SECRET_MAX = 1024;

    private AccountApi() {
    }

    public record RegisterRequest(String name, String email, String phone, String password) {
    }

    public record CreateOfficerRequest(String name, String email, String phone, String officeCode, String password) {
    }

    public record CreateOpsRequest(String name, String email, String phone, String password) {
    }

    public record Created(String id, String status) {
    }

    public record Verified(String status) {
    }

    public record VerificationRequest(@NotBlank @Size(max = EMAIL_MAX) String email, @NotBlank @Size(max = 16) String otp) {
    }

    public record OtpRequest(@NotBlank @Size(max = EMAIL_MAX) String email, @NotNull Otp.Purpose purpose) {
    }

    public record LoginRequest(@NotBlank @Size(max = EMAIL_MAX) String email, @NotBlank @Size(max = SECRET_MAX) String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = SECRET_MAX) String refreshToken) {
    }

    public record ChangePasswordRequest(@NotBlank @Size(max = SECRET_MAX) String currentPassword, @NotBlank String newPassword) {
    }

    public record ResetPasswordRequest(@NotBlank @Size(max = EMAIL_MAX) String email, @NotBlank @Size(max = 16) String otp,
            @NotBlank String newPassword) {
    }

    public record Me(String id, String name, String email, String phone, String role, String officeCode, String status,
            Instant createdAt, Instant verifiedAt) {

        static Me of(Account a) {
            return new Me(a.id.toString(), a.fullName, a.email, a.phone, a.role.name(), a.officeCode, a.status.name(),
                    a.createdAt, a.verifiedAt);
        }
    }
}
