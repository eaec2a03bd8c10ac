package id.go.imigrasi.mpaspor.account.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.account.AccountProblem;
import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import id.go.imigrasi.mpaspor.account.domain.Account;
import id.go.imigrasi.mpaspor.account.domain.PrivacyConsent;
import id.go.imigrasi.mpaspor.account.repository.PrivacyConsentRepository;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Consent to the privacy notice: which version is current (configuration, {@code mpaspor.account.privacy-notice}),
 * whether an account accepted it, and the append-only record of each acceptance. Only the current version can be
 * accepted; a new version in configuration makes every account that accepted an older one accept again.
 */
@ApplicationScoped
public class PrivacyConsents {

    private final AccountConfig.PrivacyNotice notice;
    private final PrivacyConsentRepository consents;
    private final Clock clock;

    public PrivacyConsents(AccountConfig config, PrivacyConsentRepository consents, Clock clock) {
        this.notice = config.privacyNotice();
        this.consents = consents;
        this.clock = clock;
    }

    /**
     * Where an account stands with the current notice: accepted or not; acceptance is required of an applicant
     * account that has not accepted the current version (staff accounts are not asked through the website).
     */
    public record Status(String current, boolean accepted, boolean acceptanceRequired) {
    }

    public String currentVersion() {
        return notice.version();
    }

    public String contactEmail() {
        return notice.contactEmail();
    }

    /**
     * The field error of a version given as accepted when it is not the current one ({@code field}: the request's
     * field), empty when it is.
     */
    public Optional<FieldError> check(String field, String version) {
        if (version == null || version.isBlank()) {
            return Optional.of(FieldError.of(field, "account.privacy-notice.required"));
        }
        return version.trim().equals(notice.version()) ? Optional.empty()
                : Optional.of(FieldError.of(field, "account.privacy-notice.stale", notice.version()));
    }

    /** 422 {@code privacy-notice-not-accepted} with the field errors given. */
    public ProblemException notAccepted(List<FieldError> errors) {
        return new ProblemException(AccountProblem.PRIVACY_NOTICE_NOT_ACCEPTED, List.of(notice.version()), errors, null);
    }

    /** Within the caller's transaction: the account accepts the current version (once; a repeat changes nothing). */
    public Uni<Boolean> record(UUID accountId, String language, String clientAddress) {
        PrivacyConsent consent = new PrivacyConsent();
        consent.id = UUID.randomUUID();
        consent.accountId = accountId;
        consent.noticeVersion = notice.version();
        consent.acceptedAt = clock.instant();
        consent.language = language == null || language.isBlank() ? "id" : language;
        consent.clientAddress = clientAddress;
        return consents.recordOnce(consent);
    }

    /** An existing account accepts {@code version}, which must be the current one: 422 otherwise. */
    public Uni<Status> accept(UUID accountId, String version, String language, String clientAddress) {
        Optional<FieldError> wrong = check("noticeVersion", version);
        if (wrong.isPresent()) {
            return Uni.createFrom().failure(notAccepted(List.of(wrong.get())));
        }
        return Panache.withTransaction(() -> record(accountId, language, clientAddress))
                .replaceWith(new Status(notice.version(), true, false));
    }

    public Uni<Status> status(Account account) {
        return Panache.withSession(() -> consents.accepted(account.id, notice.version())).map(accepted ->
                new Status(notice.version(), accepted, !accepted && account.role == Account.Role.APPLICANT));
    }
}
