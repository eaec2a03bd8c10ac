package id.go.imigrasi.mpaspor.account.service;

import static id.go.imigrasi.mpaspor.platform.privacy.ExportQueries.query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import id.go.imigrasi.mpaspor.account.AccountProblem;
import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import id.go.imigrasi.mpaspor.account.export.ExportPdf;
import id.go.imigrasi.mpaspor.account.mail.MailOutbox;
import id.go.imigrasi.mpaspor.account.repository.AccountRepository;
import id.go.imigrasi.mpaspor.account.repository.DataExportRepository;
import id.go.imigrasi.mpaspor.account.repository.PrivacyAuditRepository;
import id.go.imigrasi.mpaspor.account.repository.PrivacyAuditRepository.Action;
import id.go.imigrasi.mpaspor.contracts.account.DataExportRequested;
import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.privacy.ExportQueries;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A person's copy of everything M-Paspor holds about their account and its applicants (UU PDP: access and
 * portability), made asynchronously:
 * <ol>
 * <li>{@link #request}: a PREPARING export and {@link DataExportRequested} (asking again while one is prepared answers
 * that one);
 * <li>each of {@link #SERVICES} sends its part (its {@code *DataExported} event), recorded by {@link #part};
 * <li>with every part in, the export is assembled in the same transaction: one JSON document (account-service's own
 * part from {@link #QUERIES}, then each service's), the PDF of the same content ({@link ExportPdf}), READY until
 * {@code mpaspor.account.data-export.link-lifetime}, and a mail to the holder that it is ready;
 * <li>{@link #download} serves it to its owner only, and records the download; {@link #expire} deletes the content of
 * expired exports (the record of the request stays).
 * </ol>
 */
@ApplicationScoped
public class DataExports {

    /**
     * The services whose part an export waits for. upload-service is one since it owns the uploads' records (type,
     * file name, size, state, why refused): application-service's part no longer carries them.
     */
    public static final List<String> SERVICES = List.of("application", "quota", "billing", "biometric", "upload");

    /** account-service's own part: no password hash, no OTP or session secrets. */
    static final ExportQueries QUERIES = ExportQueries.of(
            query("account", "SELECT id, email, full_name, phone, phone_verified_at, notify_channels, role, status,"
                    + " language, created_at, verified_at, password_changed_at FROM account WHERE id = CAST(:account AS uuid)"),
            query("privacy_consents", "SELECT notice_version, accepted_at, language, client_address FROM"
                    + " privacy_consent WHERE account_id = CAST(:account AS uuid) ORDER BY accepted_at"),
            query("data_exports", "SELECT id, requested_at, status, ready_at, expires_at, downloaded_at FROM"
                    + " data_export WHERE account_id = CAST(:account AS uuid) ORDER BY requested_at"));

    /** An export as its owner sees it (without its content). */
    public record View(String id, String status, Instant requestedAt, Instant readyAt, Instant expiresAt,
            Instant downloadedAt) {

        static View of(DataExportRepository.Row r) {
            return new View(r.id().toString(), r.status(), r.requestedAt(), r.readyAt(), r.expiresAt(),
                    r.downloadedAt());
        }
    }

    /** The content of a ready export: the PDF's bytes, or the JSON document as a tree (written as JSON, not base64). */
    public record Content(String contentType, String fileName, Object entity) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'WIB'")
            .withZone(ZoneId.of("Asia/Jakarta"));

    private final DataExportRepository exports;
    private final PrivacyAuditRepository audit;
    private final AccountRepository accounts;
    private final Outbox outbox;
    private final MailOutbox mail;
    private final ExportPdf pdf;
    private final Messages messages;
    private final ObjectMapper json;
    private final AccountConfig.DataExport config;
    private final Clock clock;

    public DataExports(DataExportRepository exports, PrivacyAuditRepository audit, AccountRepository accounts, Outbox outbox, MailOutbox mail,
            ExportPdf pdf, Messages messages, ObjectMapper json, AccountConfig config, Clock clock) {
        this.exports = exports;
        this.audit = audit;
        this.accounts = accounts;
        this.outbox = outbox;
        this.mail = mail;
        this.pdf = pdf;
        this.messages = messages;
        this.json = json;
        this.config = config.dataExport();
        this.clock = clock;
    }

    /** Asks for an export (202): a new one, or the one already being prepared. */
    public Uni<View> request(String accountId) {
        UUID account = UUID.fromString(accountId);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        return Panache.withTransaction(() -> exports.insert(id, account, now).chain(inserted -> inserted
                ? outbox.append(new DataExportRequested(id.toString(), accountId, now))
                        .chain(() -> audit.record(account, Action.EXPORT_REQUESTED, "holder", "export " + id, now))
                        .chain(() -> exports.find(id))
                : exports.preparing(account))).map(View::of);
    }

    public Uni<List<View>> list(String accountId) {
        return Panache.withSession(() -> exports.ofAccount(UUID.fromString(accountId), 20))
                .map(rows -> rows.stream().map(View::of).toList());
    }

    /**
     * The export's JSON or PDF for its owner; someone else's or an unknown id is 404, one still being prepared 409
     * {@code data-export-not-ready}, an expired one 410 {@code data-export-expired}.
     */
    public Uni<Content> download(String accountId, String exportId, boolean asPdf) {
        UUID id;
        try {
            id = UUID.fromString(exportId);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.of(CommonProblem.NOT_FOUND));
        }
        return Panache.withTransaction(() -> exports.find(id).chain(row -> {
            if (row == null || !row.accountId().toString().equals(accountId)) {
                return Uni.createFrom().failure(ProblemException.of(CommonProblem.NOT_FOUND));
            }
            if ("PREPARING".equals(row.status())) {
                return Uni.createFrom().failure(ProblemException.of(AccountProblem.DATA_EXPORT_NOT_READY));
            }
            if ("EXPIRED".equals(row.status()) || !row.expiresAt().isAfter(clock.instant())) {
                return Uni.createFrom().failure(ProblemException.of(AccountProblem.DATA_EXPORT_EXPIRED));
            }
            String name = "mpaspor-data-" + row.requestedAt().toString().substring(0, 10) + (asPdf ? ".pdf" : ".json");
            return audit.record(row.accountId(), Action.EXPORT_DOWNLOADED, "holder", "export " + id + ", " + name,
                    clock.instant()).chain(() -> exports.content(id, asPdf, clock.instant())).map(c -> asPdf
                    ? new Content("application/pdf", name, (byte[]) c)
                    : new Content("application/json", name, read((String) c)));
        }));
    }

    /** A service's part (in the event's inbox transaction); the last one assembles the export. */
    public Uni<Void> part(String service, String exportId, String accountId, Map<String, ?> data) {
        UUID id = UUID.fromString(exportId);
        return exports.part(id, service, write(data), clock.instant())
                .chain(fresh -> fresh ? exports.parts(id) : Uni.createFrom().nullItem())
                .chain(parts -> parts != null && parts.keySet().containsAll(SERVICES)
                        ? assemble(id, accountId, parts) : Uni.createFrom().voidItem());
    }

    private Uni<Void> assemble(UUID id, String accountId, Map<String, String> parts) {
        Instant now = clock.instant();
        return QUERIES.run(accountId).chain(own -> accounts.findById(UUID.fromString(accountId)).chain(account -> {
            if (account == null) {
                return Uni.createFrom().voidItem();
            }
            ObjectNode document = json.createObjectNode();
            document.put("exportId", id.toString());
            document.put("accountId", accountId);
            document.put("generatedAt", now.toString());
            ObjectNode data = document.putObject("data");
            data.set("account", json.valueToTree(own));
            for (String service : SERVICES) {
                data.set(service, read(parts.get(service)));
            }
            Locale locale = Locale.forLanguageTag(account.language);
            Map<String, String> sections = new LinkedHashMap<>();
            for (String section : List.of("account", "application", "quota", "billing", "biometric", "upload")) {
                sections.put(section, messages.get(locale, "export.section." + section));
            }
            byte[] rendered = pdf.render(document, new ExportPdf.Texts(messages.get(locale, "export.title"),
                    messages.get(locale, "export.intro"), sections));
            Instant expires = now.plus(config.linkLifetime());
            return exports.ready(id, write(document), rendered, now, expires).chain(n -> n == 0
                    ? Uni.createFrom().voidItem()
                    : audit.record(account.id, Action.EXPORT_READY, "account-service", "export " + id + ", parts of "
                            + String.join(", ", parts.keySet()) + ", until " + expires, now)
                            .chain(() -> mail.enqueue(account, MailOutbox.Kind.DATA_EXPORT_READY, DAY.format(expires))));
        }));
    }

    /** Deletes the content of expired exports; how many. */
    public Uni<Integer> expire() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> exports.expire(now).chain(expired -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var e : expired) {
                chain = chain.chain(() -> audit.record(e.accountId(), Action.EXPORTS_EXPIRED, "account-service",
                        "export " + e.id() + ": content deleted", now));
            }
            return chain.replaceWith(expired.size());
        }));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
