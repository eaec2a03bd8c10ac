package id.go.imigrasi.mpaspor.application.service;

import java.time.LocalDate;

/** Who claims the NIK: the identity as on the e-KTP, checked against Dukcapil before a code is sent. */
public record NikClaimRequest(String nik, String fullName, LocalDate birthDate, String birthPlace, String sex) {

    /** The code received by SMS. */
    public record Confirmation(String code) {
    }
}
