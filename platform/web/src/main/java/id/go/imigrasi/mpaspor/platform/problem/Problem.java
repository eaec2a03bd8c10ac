package id.go.imigrasi.mpaspor.platform.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The RFC 9457 body. {@code errors} lists the offending fields of a validation problem. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, String requestId,
        List<Error> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Error(String field, String code, String message) {
    }
}
