package id.go.imigrasi.mpaspor.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.ApplicationProblem;
import id.go.imigrasi.mpaspor.application.client.UploadDocuments;
import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.ApplicantDocument;
import id.go.imigrasi.mpaspor.application.domain.DocumentState;
import id.go.imigrasi.mpaspor.application.domain.TimelineEntry;
import id.go.imigrasi.mpaspor.application.repository.ApplicantDocumentRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.application.repository.TimelineRepository;
import id.go.imigrasi.mpaspor.contracts.application.ApplicantDocumentRead;
import id.go.imigrasi.mpaspor.contracts.application.DocumentType;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Opening an applicant's accepted document: the owner any time; an officer at the desk only as
 * {@link DeskDocumentAccess} allows, and then the read is recorded first ({@code ApplicantDocumentRead} through the
 * outbox, in the transaction that decided it), and put on the application's timeline ({@code DOCUMENT_READ}: which
 * document, which office, when) where its owner sees it: if it cannot be recorded, nothing is served. The bytes come
 * from upload-service afterwards ({@link UploadDocuments}, with a grant for that one upload).
 */
@ApplicationScoped
public class DocumentReads {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final ApplicationRepository applications;
    private final ApplicantRepository applicants;
    private final ApplicantDocumentRepository documents;
    private final TimelineRepository timeline;
    private final Timeline history;
    private final UploadDocuments contents;
    private final Outbox outbox;
    private final ApplicationConfig config;
    private final Clock clock;
    private final ObjectMapper json;

    public DocumentReads(ApplicationRepository applications, ApplicantRepository applicants,
            ApplicantDocumentRepository documents, TimelineRepository timeline, Timeline history,
            UploadDocuments contents, Outbox outbox, ApplicationConfig config, Clock clock, ObjectMapper json) {
        this.applications = applications;
        this.applicants = applicants;
        this.documents = documents;
        this.timeline = timeline;
        this.history = history;
        this.contents = contents;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.json = json;
    }

    /** The document's type, name and bytes, once the caller may see it (and an officer's read is recorded). */
    public Uni<UploadDocuments.Content> read(UUID applicationId, UUID applicantId, String documentCode, Caller caller) {
        DocumentType type = DocumentType.parse(documentCode)
                .orElseThrow(() -> ProblemException.invalid("documentType", "validation.document-type"));
        Instant now = clock.instant();
        return Panache.withTransaction(() -> applications.findById(applicationId)
                .chain(app -> timeline.ofApplication(applicationId).chain(entries -> {
                    DeskDocumentAccess.Reader reader = DeskDocumentAccess.check(app, caller, applicantId,
                            checkIns(entries), config.timeZone(), now);
                    return applicants.findById(applicantId).chain(applicant -> {
                        if (applicant == null || !applicant.applicationId.equals(applicationId)) {
                            throw ProblemException.of(ApplicationProblem.APPLICANT_NOT_FOUND);
                        }
                        return documents.ofApplicants(List.of(applicantId));
                    }).chain(list -> {
                        ApplicantDocument document = list.stream()
                                .filter(d -> d.documentType.equals(type.name()) && d.state == DocumentState.ACCEPTED)
                                .findFirst()
                                .orElseThrow(() -> ProblemException.of(ApplicationProblem.DOCUMENT_NOT_FOUND,
                                        type.name()));
                        // the owner sees on the timeline which office opened which document when (UU PDP, issue 23)
                        Uni<Void> recorded = reader == DeskDocumentAccess.Reader.OWNER ? Uni.createFrom().voidItem()
                                : outbox.append(new ApplicantDocumentRead(applicationId.toString(),
                                        applicantId.toString(), type.name(), document.uploadId, caller.accountId(),
                                        app.officeCode, now))
                                        .chain(eventId -> history.record(applicationId, eventId.toString(),
                                                "DOCUMENT_READ", now, null, ApplicationFollower.details("applicantId",
                                                        applicantId, "documentType", type.name(), "officeCode",
                                                        app.officeCode)))
                                        .replaceWithVoid();
                        return recorded.replaceWith(document.uploadId);
                    });
                })))
                .chain(uploadId -> contents.accepted(UUID.fromString(uploadId))
                        .onFailure(failure -> !(failure instanceof ProblemException))
                        .transform(unreachable -> contents.unavailable()))
                .map(content -> {
                    if (content == null) {
                        throw ProblemException.of(ApplicationProblem.DOCUMENT_NOT_FOUND, type.name());
                    }
                    return content;
                });
    }

    private List<DeskDocumentAccess.CheckIn> checkIns(List<TimelineEntry> entries) {
        List<DeskDocumentAccess.CheckIn> out = new ArrayList<>();
        for (TimelineEntry entry : entries) {
            if (!"CHECKED_IN".equals(entry.kind)) {
                continue;
            }
            try {
                Map<String, Object> details = json.readValue(entry.details, DETAILS);
                Object office = details.get("officeCode");
                out.add(new DeskDocumentAccess.CheckIn(String.valueOf(details.get("applicantId")),
                        office == null ? null : office.toString(), entry.occurredAt));
            } catch (java.io.IOException unreadable) {
                // a timeline entry we cannot read grants nothing
            }
        }
        return out;
    }
}
