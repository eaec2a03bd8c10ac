package id.go.imigrasi.mpaspor.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.go.imigrasi.mpaspor.web.api.ApiProblem;
import io.quarkus.qute.TemplateData;

/**
 * A form as the page shows it again: what the visitor typed, the message beside each field, the error summary
 * at the top (each line links to its field), and when the API was busy the seconds before it is sent again.
 */
@TemplateData
public class Form {

    public record SummaryLine(String field, String message) {
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<SummaryLine> summary = new ArrayList<>();
    private long busySeconds;
    private String busyReason;

    public static Form empty() {
        return new Form();
    }

    public Form with(String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
        return this;
    }

    public Form withAll(Map<String, String> typed) {
        typed.forEach(this::with);
        return this;
    }

    /** The API's problem: field errors beside their fields and in the summary; the rest as a summary line. */
    public Form problem(ApiProblem problem) {
        if (problem.fieldErrors().isEmpty()) {
            summary.add(new SummaryLine(null, problem.summary()));
        }
        problem.fieldErrors().forEach(this::error);
        return this;
    }

    /** A line of the summary that belongs to no field of this form (the API named a field the form does not have). */
    public Form note(String message) {
        summary.add(new SummaryLine(null, message));
        return this;
    }

    public Form error(String field, String message) {
        if (!errors.containsKey(field)) {
            errors.put(field, message);
            summary.add(new SummaryLine(field, message));
        }
        return this;
    }

    public Form busy(long seconds) {
        this.busySeconds = seconds;
        return this;
    }

    /** The same with the reason in words (instead of "the service is busy"). */
    public Form busy(long seconds, String reason) {
        this.busySeconds = seconds;
        this.busyReason = reason;
        return this;
    }

    /** Why the form waits, when it is not that the service is busy; null otherwise. */
    public String busyReason() {
        return busyReason;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean is(String field, String value) {
        return value.equals(values.get(field));
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    public boolean hasErrors() {
        return !summary.isEmpty();
    }

    public List<SummaryLine> summary() {
        return summary;
    }

    public long busySeconds() {
        return busySeconds;
    }

    public boolean busy() {
        return busySeconds > 0;
    }

    public Map<String, String> values() {
        return values;
    }
}
