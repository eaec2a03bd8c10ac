package id.go.imigrasi.mpaspor.upload;

import static id.go.imigrasi.mpaspor.upload.support.UploadFixtures.count;
import static id.go.imigrasi.mpaspor.upload.support.UploadFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.upload.storage.UploadStore;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationDocumentsDiscarded;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.upload.service.DocumentDiscards;
import id.go.imigrasi.mpaspor.upload.support.UploadFixtures.Draft;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * application-service's retention rules decide, upload-service deletes (ApplicationDocumentsDiscarded): the
 * application's upload rows at once, in the event's transaction, their bytes from the queue afterwards; a deleted
 * draft takes no more uploads; another application's documents stay; a redelivered event changes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "upload"))
class DocumentDiscardsTest {

    @Inject
    UploadStore store;

    @Inject
    DocumentDiscards discards;

    private static String storageKey(String uploadId) {
        return (String) RealInfrastructure.database().rows("SELECT storage_key FROM upload WHERE id = ?::uuid",
                uploadId).get(0).get("storage_key");
    }

    private boolean stored(String key) {
        try {
            store.open(key).close();
            return true;
        } catch (NoSuchFileException gone) {
            return false;
        } catch (Exception other) {
            throw new AssertionError(other);
        }
    }

    @Test
    void aFinishedApplicationsDocumentsGoRowsFirstThenBytes() throws Throwable {
        Draft finished = Draft.announced();
        String upload = finished.accepted();
        String key = storageKey(upload);
        Draft kept = Draft.announced();
        String keptKey = storageKey(kept.accepted());

        String eventId = UUID.randomUUID().toString();
        publish(new ApplicationDocumentsDiscarded(finished.application(), finished.account(),
                ApplicationDocumentsDiscarded.FINISHED, Instant.now()), eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM upload"
                + " WHERE application_id = ?::uuid", finished.application()) == 0);
        assertThat(count("SELECT count(*) FROM upload_object_deletion WHERE storage_key = ?", key)).isOne();
        assertThat(stored(key)).as("bytes wait for the queue").isTrue();

        int deleted = VertxContextSupport.subscribeAndAwait(discards::deleteQueuedObjects);

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(stored(key)).isFalse();
        assertThat(count("SELECT count(*) FROM upload_object_deletion WHERE storage_key = ?", key)).isZero();
        assertThat(stored(keptKey)).isTrue();
        assertThat(count("SELECT count(*) FROM upload WHERE application_id = ?::uuid", kept.application())).isOne();
        // a finished application's projection stays (not a draft any more: application-service said so before)
        assertThat(count("SELECT count(*) FROM upload_target_application WHERE application_id = ?::uuid",
                finished.application())).isOne();

        // redelivered: nothing more
        publish(new ApplicationDocumentsDiscarded(finished.application(), finished.account(),
                ApplicationDocumentsDiscarded.FINISHED, Instant.now()), eventId);
        String marker = publish(new ApplicationDocumentsDiscarded(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), ApplicationDocumentsDiscarded.FINISHED, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM inbox WHERE event_id = ?",
                marker) == 1);
        assertThat(count("SELECT count(*) FROM inbox WHERE event_id = ?", eventId)).isOne();
        assertThat(stored(keptKey)).isTrue();
    }

    @Test
    void aDeletedDraftLosesItsUploadsAndTakesNoMore() throws Throwable {
        Draft draft = Draft.announced();
        String key = storageKey(draft.accepted());

        publish(new ApplicationDocumentsDiscarded(draft.application(), draft.account(),
                ApplicationDocumentsDiscarded.DRAFT_DELETED, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM upload_target_application"
                + " WHERE application_id = ?::uuid", draft.application()) == 0);
        assertThat(count("SELECT count(*) FROM upload WHERE application_id = ?::uuid", draft.application())).isZero();
        VertxContextSupport.subscribeAndAwait(discards::deleteQueuedObjects);
        assertThat(stored(key)).isFalse();
        // gone, not "not yet known": 404 at once
        draft.create(1000, "EKTP").then().statusCode(404)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upload-target-not-found"));
    }
}
