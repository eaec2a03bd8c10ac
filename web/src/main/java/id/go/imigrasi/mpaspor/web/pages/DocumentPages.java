package id.go.imigrasi.mpaspor.web.pages;

import static id.go.imigrasi.mpaspor.web.pages.AccountPages.redirect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiProblem;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.api.TusSender;
import id.go.imigrasi.mpaspor.web.session.LoginRequired;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * The documents of an application: their states (from the API's requirements), and one upload form per document
 * still missing or rejected. With JavaScript, {@code upload.js} takes each form over and sends the file with
 * tus-js-client through {@link UploadProxy}. Without it, the form posts the file here ({@code multipart/form-data}):
 * checked as the browser's script checks it (the type by its first bytes, the size against the API's
 * {@code limits}), then sent to the API's tus endpoint by {@link TusSender}, and the visitor is sent back to the
 * documents page, which shows the document being validated. A body larger than {@code mpaspor.web.upload-form-limit}
 * never reaches this class: {@link UploadFormLimit} answers it.
 */
@Path("/applications/{id}/documents")
@Produces(MediaType.TEXT_HTML)
public class DocumentPages {

    private static final Logger LOG = Logger.getLogger(DocumentPages.class);
    static final Pattern LINE = Pattern.compile("[A-Z][A-Z0-9_]{0,59}");
    private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };
    private static final long MIB = 1024 * 1024;

    /** How long the page looks again by itself for a document sent but not yet recorded. */
    static final Duration RECEIVING_PATIENCE = Duration.ofSeconds(60);

    private final Pages pages;
    private final ApiClient api;
    private final TusSender tus;
    private final Visit visit;

    public DocumentPages(Pages pages, ApiClient api, TusSender tus, Visit visit) {
        this.pages = pages;
        this.api = api;
        this.tus = tus;
        this.visit = visit;
    }

    /**
     * The page. {@code too-large} names the file field of a form whose body was too large to be read
     * ({@link UploadFormLimit} sent the visitor here): the message goes beside it.
     */
    @GET
    public TemplateInstance documents(@PathParam("id") String id, @QueryParam("too-large") String tooLarge,
            @QueryParam("sent") String sent, @QueryParam("at") String at, @QueryParam("n") String n) {
        visit.requireLogin();
        Map<String, Object> req = requirements(id);
        Form form = Form.empty();
        if (tooLarge != null && line(req, tooLarge) != null) {
            form.error(tooLarge, tooLargeMessage(req));
        }
        TemplateInstance page = page(id, req, form);
        Map<String, Object> justSent = sent == null ? null : line(req, sent);
        if (justSent != null && !List.of("UPLOADED", "ACCEPTED").contains(String.valueOf(justSent.get("state")))) {
            // the API took the file; its record reaches the application a moment later (an event): say so, keep
            // the form away, and look again by itself for a minute (no JavaScript needed)
            long since = sentAt(at);
            boolean stillWaiting = Instant.now().getEpochSecond() - since < RECEIVING_PATIENCE.toSeconds();
            // each look is a new address (n): a refresh to the very address the page has, fragment included, is
            // a same-document navigation in Chromium, which reloads nothing (CI of 2026-12-05)
            page.data("receiving", sent).data("again", stillWaiting
                    ? documentsPath(id) + "?sent=" + sent + "&at=" + since + "&n=" + (looks(n) + 1) + "#"
                            + sent.replace("file-", "state-")
                    : null);
        }
        return page;
    }

    private static int looks(String n) {
        try {
            return n == null ? 0 : Math.max(0, Math.min(1000, Integer.parseInt(n)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long sentAt(String at) {
        try {
            return at == null ? Instant.now().getEpochSecond() : Long.parseLong(at);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The documents' states, refreshed by htmx while a validation runs (the page itself works without it). */
    @GET
    @Path("states")
    public TemplateInstance states(@PathParam("id") String id) {
        visit.requireLogin();
        return pages.page("document-states").data("id", id).data("req", requirements(id));
    }

    /** The plain upload form (no JavaScript): one file for one document line of one applicant. */
    @POST
    @Path("{applicantId}/{line}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Object upload(@PathParam("id") String id, @PathParam("applicantId") String applicantId,
            @PathParam("line") String code, @RestForm String csrf, @RestForm String documentType,
            @RestForm("file") FileUpload file) {
        visit.requireCsrf(csrf);
        visit.requireLogin();
        ApplicationPages.checkId(applicantId);
        if (!LINE.matcher(code).matches()) {
            throw new NotFoundException();
        }
        String field = fieldId(applicantId, code);
        try {
            Map<String, Object> req = requirements(id);
            Map<String, Object> line = line(req, field);
            if (line == null) {
                throw new NotFoundException();
            }
            Map<?, ?> limits = (Map<?, ?>) req.get("limits");
            long max = ((Number) limits.get("maxBytes")).longValue();
            if (file == null || file.size() == 0) {
                return refused(id, req, field, pages.message("up_choose"));
            }
            if (file.size() > max) {
                return refused(id, req, field, tooLargeMessage(req));
            }
            byte[] bytes = read(file);
            String type = typeOf(bytes);
            if (type == null || !((List<?>) limits.get("acceptedTypes")).contains(type)) {
                return refused(id, req, field, pages.message("up_type"));
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("applicationId", id);
            metadata.put("applicantId", applicantId);
            metadata.put("documentType", documentType == null || documentType.isBlank()
                    ? String.valueOf(((List<?>) line.get("acceptedDocuments")).get(0)) : documentType.trim());
            metadata.put("filename", fileName(file.fileName()));
            metadata.put("filetype", type);
            ApiResponse answer = tus.send(metadata, bytes);
            if (answer.ok()) {
                return redirect(documentsPath(id) + "?sent=" + field + "&at=" + Instant.now().getEpochSecond()
                        + "#state-" + applicantId + "-" + code);
            }
            if (answer.shed() || notYet(answer)) {
                throw new ApiBusy(answer.retryAfterSeconds());
            }
            if (answer.status() == 401) {
                visit.session().forgetTokens();
                throw new LoginRequired(documentsPath(id));
            }
            if (answer.status() >= 500) {
                LOG.warnf("upload for %s %s: the API answered %d", applicantId, code, answer.status());
                throw new ApiBusy(5);
            }
            return refused(id, req, field, message(answer.problem()));
        } catch (ApiBusy busy) {
            return busy(id, busy.retryAfterSeconds());
        } catch (IOException e) {
            LOG.warnf("upload for %s %s: the API did not answer: %s", applicantId, code, e.toString());
            return busy(id, 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return busy(id, 5);
        }
    }

    /**
     * A 409 with Retry-After: the upload service has not heard of the application or applicant yet (added a moment
     * ago); sent again after it, the file is taken. The busy page says exactly that: send it again after N seconds.
     */
    private static boolean notYet(ApiResponse answer) {
        return answer.status() == 409 && answer.header("Retry-After") != null;
    }

    /** The form's address typed or reloaded as a page: the documents page. */
    @GET
    @Path("{applicantId}/{line}")
    public Response uploadFormAddress(@PathParam("id") String id) {
        ApplicationPages.checkId(id);
        return redirect(documentsPath(id));
    }

    // ---- helpers ----

    private TemplateInstance page(String id, Map<String, Object> req, Form form) {
        return pages.form("documents", form).data("id", id).data("req", req).data("receiving", null)
                .data("again", null);
    }

    /** The page again with the message beside the file field and in the summary; nothing was sent to the API. */
    private String refused(String id, Map<String, Object> req, String field, String message) {
        return page(id, req, Form.empty().error(field, message)).render();
    }

    /**
     * The polite busy page (503, Retry-After), which goes back to the documents page after the wait: the file
     * cannot be kept, so it says plainly to choose it again.
     */
    private Response busy(String id, long seconds) {
        return Response.status(503).header("Retry-After", seconds).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page("busy").data("seconds", seconds).data("again", documentsPath(id))
                        .data("resend", true).render())
                .build();
    }

    private Map<String, Object> requirements(String id) {
        ApplicationPages.checkId(id);
        ApiResponse r = api.get("/applications/" + id + "/requirements");
        if (!r.ok()) {
            throw new NotFoundException();
        }
        JsonNode json = r.json();
        Map<String, Object> req = Pages.map(json);
        req.put("maxMb", json.path("limits").path("maxBytes").asLong(0) / MIB);
        // each line's file field, the id its error message and the summary's link go by
        for (Object applicant : (List<?>) req.getOrDefault("applicants", List.of())) {
            Map<?, ?> a = (Map<?, ?>) applicant;
            for (Object document : (List<?>) ((Map<?, ?>) applicant).get("documents")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> line = (Map<String, Object>) document;
                line.put("field", fieldId(String.valueOf(a.get("applicantId")), String.valueOf(line.get("code"))));
            }
        }
        return req;
    }

    /** The line whose file field is {@code field}; null when the page has none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(Map<String, Object> req, String field) {
        for (Object applicant : (List<?>) req.getOrDefault("applicants", List.of())) {
            for (Object document : (List<?>) ((Map<?, ?>) applicant).get("documents")) {
                if (field.equals(((Map<?, ?>) document).get("field"))) {
                    return (Map<String, Object>) document;
                }
            }
        }
        return null;
    }

    private String tooLargeMessage(Map<String, Object> req) {
        long max = ((Number) ((Map<?, ?>) req.get("limits")).get("maxBytes")).longValue();
        String size = max >= MIB && max % MIB == 0 ? max / MIB + " MB" : Math.max(1, max / 1024) + " KB";
        return pages.message("up_size").replace("__N__", size);
    }

    /** What the API said, for the line beside the field: its first field error, or its summary. */
    private static String message(ApiProblem problem) {
        return problem.fieldErrors().values().stream().findFirst().orElse(problem.summary());
    }

    static String fieldId(String applicantId, String code) {
        return "file-" + applicantId + "-" + code;
    }

    static String documentsPath(String id) {
        return "/applications/" + id + "/documents";
    }

    private static byte[] read(FileUpload file) {
        try {
            return Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type by the first bytes, as the API's validation judges it: JPEG, PNG or PDF; null otherwise. */
    static String typeOf(byte[] bytes) {
        if (startsWith(bytes, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, PNG)) {
            return "image/png";
        }
        if (startsWith(bytes, PDF)) {
            return "application/pdf";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    /** The file's own name (a browser may send a whole path), without control characters, at most 255. */
    static String fileName(String sent) {
        String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "dokumen";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
