package id.go.imigrasi.mpaspor.application.rest;

/** The quota hold (from quota-service's POST /holds) that covers every applicant. */
public record SubmissionRequest(String holdId) {
}
