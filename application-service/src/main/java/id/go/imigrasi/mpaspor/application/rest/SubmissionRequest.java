package id.go.imigrasi.mpaspor.application.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The quota hold (from quota-service's POST /holds) that covers every applicant. quota-service's hold ids are
 * UUIDs: anything else is a field error at once, never "not yet known" (which asks the client to retry).
 */
public record SubmissionRequest(
        @Size(max = 36) @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}") String holdId) {
}
