package id.go.imigrasi.mpaspor.application.dukcapil;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What Dukcapil holds for a NIK. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DukcapilRecord(String nik, String fullName, LocalDate birthDate, String birthPlace, String sex) {
}
