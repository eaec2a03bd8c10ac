package id.go.imigrasi.mpaspor.application.service;

import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.details;
import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.none;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.application.domain.DocumentState;
import id.go.imigrasi.mpaspor.contracts.application.DocumentType;
import id.go.imigrasi.mpaspor.application.mail.ApplicantMails;
import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import id.go.imigrasi.mpaspor.application.repository.ApplicantDocumentRepository;
import id.go.imigrasi.mpaspor.application.repository.ApplicantRepository;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentAccepted;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentRejected;
import id.go.imigrasi.mpaspor.contracts.upload.DocumentUploaded;
import id.go.imigrasi.mpaspor.platform.inbox.Envelope;
import io.smallrye.mutiny.Uni;

/**
 * The document events of the upload module (on application.events) become the per-applicant document states:
 * UPLOADED (being validated), then ACCEPTED or REJECTED with the reason (and a mail saying why). A newer upload of
 * the same applicant and document type replaces the older one (by {@code uploadedAt}); the verdict on a superseded
 * upload is ignored.
 */
@ApplicationScoped
public class FollowDocuments {

    private static final Logger LOG = Logger.getLogger(FollowDocuments.class);

    private final ApplicantRepository applicants;
    private final ApplicantDocumentRepository documents;
    private final ApplicationFollower follower;
    private final ApplicantMails mails;

    public FollowDocuments(ApplicantRepository applicants, ApplicantDocumentRepository documents,
            ApplicationFollower follower, ApplicantMails mails) {
        this.applicants = applicants;
        this.documents = documents;
        this.follower = follower;
        this.mails = mails;
    }

    public Uni<Void> uploaded(DocumentUploaded e, Envelope envelope) {
        UUID applicantId = uuid(e.applicantId());
        if (applicantId == null || !DocumentType.isKnown(e.documentType())) {
            LOG.warnf("DocumentUploaded %s names applicant '%s' / type '%s': ignored", e.uploadId(), e.applicantId(),
                    e.documentType());
            return none();
        }
        return applicants.findById(applicantId).chain(a -> {
            if (a == null || !a.applicationId.toString().equals(e.applicationId())) {
                LOG.infof("DocumentUploaded %s for an applicant we do not have: ignored", e.uploadId());
                return none();
            }
            Instant at = envelope.or(e.uploadedAt());
            return documents.recordUpload(a.id, e.documentType(), e.uploadId(), at).chain(current -> current == 0
                    ? none()
                    : follower.step(envelope, e.applicationId(), "DOCUMENT_UPLOADED", null, at, "applicantId", a.id,
                            "documentType", e.documentType()));
        });
    }

    public Uni<Void> accepted(DocumentAccepted e, Envelope envelope) {
        return verdict(envelope, e.uploadId(), e.applicationId(), DocumentState.ACCEPTED, e.acceptedAt(), null, null,
                null);
    }

    public Uni<Void> rejected(DocumentRejected e, Envelope envelope) {
        return verdict(envelope, e.uploadId(), e.applicationId(), DocumentState.REJECTED, e.rejectedAt(),
                e.reasonCode(), e.reasonId(), e.reasonEn());
    }

    private Uni<Void> verdict(Envelope envelope, String uploadId, String applicationId, DocumentState state,
            Instant at, String reasonCode, String reasonId, String reasonEn) {
        return documents.current(uploadId).chain(doc -> {
            if (doc == null) {
                LOG.debugf("verdict on superseded or unknown upload %s ignored", uploadId);
                return none();
            }
            doc.verdict(state, reasonCode, reasonId, reasonEn);
            String kind = state == DocumentState.ACCEPTED ? "DOCUMENT_ACCEPTED" : "DOCUMENT_REJECTED";
            return follower.lock(applicationId, kind).chain(app -> app == null ? none()
                    : (state == DocumentState.REJECTED
                            // the family member and the document in words, not a code (issue 22)
                            ? applicants.findById(doc.applicantId).chain(who -> mails.queueOnce(envelope.id(), app,
                                    ApplicantMails.Kind.DOCUMENT_REJECTED,
                                    mails.documentName(doc.documentType, Messages.INDONESIAN),
                                    String.valueOf(reasonId), String.valueOf(reasonEn),
                                    who == null ? "-" : who.fullName,
                                    mails.documentName(doc.documentType, java.util.Locale.ENGLISH)))
                            : none())
                            .chain(() -> follower.record(envelope, app, kind, null, envelope.or(at),
                                    details("applicantId", doc.applicantId, "documentType", doc.documentType,
                                            "reasonCode", reasonCode, "reasonId", reasonId, "reasonEn", reasonEn))));
        });
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
