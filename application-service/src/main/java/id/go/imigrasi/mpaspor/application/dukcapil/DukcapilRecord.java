package id.go.imigrasi.mpaspor.application.dukcapil;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What Dukcapil holds for a NIK. {@code phone}: the mobile number registered with the NIK (null when the registry
 * has none), where a NIK's owner gets the code that proves it is theirs ({@code service.NikClaims}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DukcapilRecord(String nik, String fullName, LocalDate birthDate, String birthPlace, String sex,
        String phone) {

    public DukcapilRecord(String nik, String fullName, LocalDate birthDate, String birthPlace, String sex) {
        this(nik, fullName, birthDate, birthPlace, sex, null);
    }
}
