package id.go.imigrasi.mpaspor.application.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One person of an application: identity, questionnaire, Dukcapil verification. */
@Entity
@Table(name = "applicant")
public class Applicant {

    @Id
    public UUID id;

    @Column(name = "application_id", nullable = false, updatable = false)
    public UUID applicationId;

    @Column(nullable = false)
    public int position;

    @Column(name = "full_name", nullable = false)
    public String fullName;

    @Column(nullable = false, columnDefinition = "bpchar(16)")
    public String nik;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "birth_place", nullable = false)
    public String birthPlace;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Sex sex;

    @Column(name = "mother_name", nullable = false)
    public String motherName;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public String phone;

    @Enumerated(EnumType.STRING)
    @Column(name = "application_type", nullable = false)
    public ApplicationType applicationType;

    @Enumerated(EnumType.STRING)
    @Column(name = "passport_kind", nullable = false)
    public PassportKind passportKind;

    @Column(name = "validity_years", nullable = false)
    public int validityYears;

    @Column(name = "same_day_service", nullable = false)
    public boolean sameDayService;

    @Column(name = "travel_purpose", nullable = false)
    public String travelPurpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verification verification;

    @Column(name = "verification_checked_at")
    public Instant verificationCheckedAt;

    @Column(name = "verification_attempts", nullable = false)
    public int verificationAttempts;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The account holder's declaration of authority (issue 23); null for applicants entered before it was asked. */
    @Enumerated(EnumType.STRING)
    public Authority authority;

    /** When the holder last declared it (adding or editing the applicant). */
    @Column(name = "authority_declared_at")
    public Instant authorityDeclaredAt;
}
