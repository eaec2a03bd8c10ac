package id.go.imigrasi.mpaspor.web.api;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The API's {@code application/problem+json}, as the pages show it: a title and detail for the error summary,
 * and per form field the message to put beside it (the API already wrote it in the visitor's language).
 */
public record ApiProblem(int status, String title, String detail, Map<String, String> fieldErrors) {

    public static ApiProblem of(ApiResponse response) {
        Map<String, String> fields = new LinkedHashMap<>();
        String title = null;
        String detail = null;
        try {
            JsonNode body = response.json();
            title = text(body, "title");
            detail = text(body, "detail");
            for (JsonNode error : body.path("errors")) {
                String field = formField(text(error, "field"));
                String message = text(error, "message");
                if (field != null && message != null) {
                    fields.putIfAbsent(field, message);
                }
            }
        } catch (RuntimeException unreadable) {
            // not JSON: the summary shows the status only
        }
        return new ApiProblem(response.status(), title, detail, fields);
    }

    /**
     * The form field of an API field path: the last segment ({@code questionnaire.passportKind} is the field
     * {@code passportKind}; {@code register.body.email} is {@code email}; {@code niks[0]} is {@code niks}).
     */
    static String formField(String apiField) {
        if (apiField == null || apiField.isBlank()) {
            return null;
        }
        String last = apiField.substring(apiField.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        return bracket > 0 ? last.substring(0, bracket) : last;
    }

    /** What the error summary says first: the detail when it says more than the title. */
    public String summary() {
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        return title == null ? "HTTP " + status : title;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
