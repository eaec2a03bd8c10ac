package id.go.imigrasi.mpaspor.application.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The quota hold (from quota-service's POST /holds) that covers every applicant. quota-service's hold ids are
 * UUIDs: anything else is a field error at once, never "not yet known" (which asks the client to retry).
 */
@Schema(description = "The quota hold (from POST /holds) that covers every applicant of the application")
public record SubmissionRequest(
        @Schema(required = true, format = "uuid", minLength = 36, maxLength = 36,
                pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                description = "The holdId of the quota hold, a UUID", examples = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
        @Size(max = 36) @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}") String holdId) {
}
