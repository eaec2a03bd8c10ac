package id.go.imigrasi.mpaspor.account.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.Otp;

/** The request and response bodies of the account API. */
public final class AccountApi {

    private AccountApi() {
    }

    public record RegisterRequest(String name, String email, String phone, String password) {
    }

    public record CreateOfficerRequest(String name, String email, String phone, String officeCode, String password) {
    }

    public record Created(String id, String status) {
    }

    public record Verified(String status) {
    }

    public record VerificationRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 16) String otp) {
    }

    public record OtpRequest(@NotBlank @Size(max = 254) String email, @NotNull Otp.Purpose purpose) {
    }

    public record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 1024) String refreshToken) {
    }

    public record ChangePasswordRequest(@NotBlank @Size(max = 1024) String currentPassword,
            @NotBlank @Size(max = 1024) String newPassword) {
    }

    public record ResetPasswordRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 16) String otp,
            @NotBlank @Size(max = 1024) String newPassword) {
    }

    public record Me(String id, String name, String email, String phone, String role, String officeCode, String status,
            Instant createdAt, Instant verifiedAt) {

        static Me of(Account a) {
            return new Me(a.id.toString(), a.fullName, a.email, a.phone, a.role.name(), a.officeCode, a.status.name(),
                    a.createdAt, a.verifiedAt);
        }
    }
}
