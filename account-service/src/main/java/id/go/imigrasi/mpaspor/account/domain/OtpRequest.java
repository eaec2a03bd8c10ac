package id.go.imigrasi.mpaspor.account.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One requested OTP sending for an email, known or not (the resend limits count these). */
@Entity
@Table(name = "otp_request")
public class OtpRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String email;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
}
