package id.go.imigrasi.mpaspor.application.upload.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import id.go.imigrasi.mpaspor.application.upload.UploadProblem;
import id.go.imigrasi.mpaspor.contracts.application.DocumentType;
import id.go.imigrasi.mpaspor.application.upload.domain.UploadMetadata;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/**
 * A valid creation request (tus creation extension): {@code Upload-Length} and the {@code Upload-Metadata} keys
 * {@code applicationId}, {@code applicantId}, {@code documentType} and {@code filename}. Every offending header
 * or key is reported at once.
 */
public record NewUpload(long length, UUID applicationId, UUID applicantId, DocumentType documentType,
        String fileName, String rawMetadata) {

    public static final String UPLOAD_LENGTH = "Upload-Length";
    public static final String UPLOAD_DEFER_LENGTH = "Upload-Defer-Length";
    private static final int MAX_FILE_NAME = 255;

    public static NewUpload parse(String uploadLength, String metadataHeader, long maxSize) {
        List<FieldError> errors = new ArrayList<>();
        long length = -1;
        if (uploadLength == null || uploadLength.isBlank()) {
            errors.add(FieldError.of(UPLOAD_LENGTH, "upload.validation.length-required"));
        } else {
            try {
                length = Long.parseLong(uploadLength.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0) {
                errors.add(FieldError.of(UPLOAD_LENGTH, "upload.validation.length-format"));
            }
        }
        UploadMetadata metadata = UploadMetadata.parse(metadataHeader);
        UUID applicationId = uuid(metadata, "applicationId", errors);
        UUID applicantId = uuid(metadata, "applicantId", errors);
        DocumentType type = null;
        Optional<String> typeCode = metadata.get("documentType");
        if (typeCode.isEmpty()) {
            errors.add(FieldError.of(UploadMetadata.HEADER + ".documentType", "upload.validation.metadata-required"));
        } else {
            type = DocumentType.parse(typeCode.get()).orElse(null);
            if (type == null) {
                errors.add(FieldError.of(UploadMetadata.HEADER + ".documentType", "upload.validation.document-type"));
            }
        }
        Optional<String> fileName = metadata.first("filename", "fileName", "name");
        if (fileName.isEmpty()) {
            errors.add(FieldError.of(UploadMetadata.HEADER + ".filename", "upload.validation.metadata-required"));
        } else if (fileName.get().length() > MAX_FILE_NAME || fileName.get().chars().anyMatch(c -> c < 0x20)) {
            errors.add(FieldError.of(UploadMetadata.HEADER + ".filename", "upload.validation.file-name",
                    MAX_FILE_NAME));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (length > maxSize) {
            throw ProblemException.of(UploadProblem.TOO_LARGE, maxSize);
        }
        return new NewUpload(length, applicationId, applicantId, type, fileName.get(), metadataHeader.trim());
    }

    private static UUID uuid(UploadMetadata metadata, String key, List<FieldError> errors) {
        Optional<String> value = metadata.get(key);
        if (value.isEmpty()) {
            errors.add(FieldError.of(UploadMetadata.HEADER + "." + key, "upload.validation.metadata-required"));
            return null;
        }
        try {
            return UUID.fromString(value.get());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(UploadMetadata.HEADER + "." + key, "upload.validation.uuid"));
            return null;
        }
    }
}
