package id.go.imigrasi.mpaspor.upload;

import static id.go.imigrasi.mpaspor.upload.support.UploadFixtures.count;
import static id.go.imigrasi.mpaspor.upload.support.UploadFixtures.kafka;
import static id.go.imigrasi.mpaspor.upload.support.UploadFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import id.go.imigrasi.mpaspor.contracts.account.AccountErased;
import id.go.imigrasi.mpaspor.contracts.account.DataExportRequested;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import id.go.imigrasi.mpaspor.upload.support.UploadFixtures.Draft;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The person's rights (issue 23) at upload-service: a data export gets its part (the uploads' records, never a
 * storage key); an erased account's uploads go, bytes and rows, complete or not, with the events about them and the
 * projection of its applications, confirmed once with UploadDataErased; nobody else's uploads are touched.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "upload"))
class AccountErasureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERASED = "mpaspor.upload.UploadDataErased.v1";
    private static final String EXPORTED = "mpaspor.upload.UploadDataExported.v1";

    @Inject
    UploadStore store;

    private static JsonNode data(CloudEvent event) throws IOException {
        return JSON.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

    private static String storageKey(String uploadId) {
        return (String) RealInfrastructure.database().rows("SELECT storage_key FROM upload WHERE id = ?::uuid",
                uploadId).get(0).get("storage_key");
    }

    @Test
    void anErasedAccountsUploadsGoBytesIncludedAfterItsExport() throws Exception {
        Draft draft = Draft.announced();
        String accepted = draft.accepted();
        String partial = draft.create(5000, "KK").header("Location");
        String partialId = partial.substring(partial.lastIndexOf('/') + 1);
        String acceptedKey = storageKey(accepted);
        Draft other = Draft.announced();
        String othersUpload = other.accepted();
        store.open(acceptedKey).close();
        // an upload for an application upload-service has not heard of: a "not yet known" refusal names the account
        Draft unannounced = new Draft(draft.account(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        unannounced.create(1000, "EKTP").then().statusCode(409);

        String exportId = UUID.randomUUID().toString();
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "upload.events")) {
            publish(new DataExportRequested(exportId, draft.account(), Instant.now()));
            JsonNode part = data(probe.await(r -> EXPORTED.equals(r.value().getType())
                    && draft.account().equals(r.key()), Duration.ofSeconds(30)).value());
            assertThat(part.path("exportId").asText()).isEqualTo(exportId);
            JsonNode documents = part.path("data").path("documents");
            assertThat(documents).hasSize(2);
            assertThat(documents.get(0).path("id").asText()).isEqualTo(accepted);
            assertThat(documents.get(0).path("validation").asText()).isEqualTo("ACCEPTED");
            assertThat(documents.get(0).has("storage_key")).isFalse();
            assertThat(part.toString()).doesNotContain(othersUpload);
        }

        String eventId = UUID.randomUUID().toString();
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "upload.events")) {
            publish(new AccountErased(draft.account(), Instant.now()), eventId);
            JsonNode removed = data(probe.await(r -> ERASED.equals(r.value().getType())
                    && draft.account().equals(r.key()), Duration.ofSeconds(30)).value()).path("removed");
            assertThat(removed.path("upload").asInt()).isEqualTo(2);
            assertThat(removed.path("upload_target_application").asInt()).isEqualTo(1);
            assertThat(removed.path("upload_target_wait").asInt()).isEqualTo(1);

            assertThat(count("SELECT count(*) FROM upload WHERE account_id = ?::uuid", draft.account())).isZero();
            assertThat(count("SELECT count(*) FROM upload WHERE id = ?::uuid", partialId)).isZero();
            assertThatThrownBy(() -> store.open(acceptedKey).close()).isInstanceOf(NoSuchFileException.class);
            assertThat(count("SELECT count(*) FROM upload_target_application WHERE account_id = ?::uuid",
                    draft.account())).isZero();
            assertThat(count("SELECT count(*) FROM outbox WHERE aggregate_id IN (?, ?) AND sent_at IS NOT NULL",
                    accepted, partialId)).as("the published events about its uploads").isZero();
            assertThat(count("SELECT count(*) FROM upload WHERE id = ?::uuid", othersUpload)).isOne();
            store.open(storageKey(othersUpload)).close();
            assertThat(count("SELECT count(*) FROM upload_target_wait WHERE account_id = ?::uuid", draft.account()))
                    .isZero();
            // its application is known as gone (its id only): an upload for it is 404 at once, and records nothing
            assertThat(count("SELECT count(*) FROM upload_target_gone WHERE application_id = ?::uuid",
                    draft.application())).isOne();
            draft.create(1000, "EKTP").then().statusCode(404);
            assertThat(count("SELECT count(*) FROM upload_target_wait WHERE account_id = ?::uuid", draft.account()))
                    .isZero();

            // redelivered: nothing more happens, nothing is confirmed twice
            publish(new AccountErased(draft.account(), Instant.now()), eventId);
            String marker = UUID.randomUUID().toString();
            publish(new AccountErased(marker, Instant.now()));
            probe.await(r -> ERASED.equals(r.value().getType()) && marker.equals(r.key()), Duration.ofSeconds(30));
            assertThat(probe.seen().stream().filter(r -> ERASED.equals(r.value().getType())
                    && draft.account().equals(r.key()))).hasSize(1);
        }
    }
}
