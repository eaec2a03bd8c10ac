package id.go.imigrasi.mpaspor.ops.redrive;

import java.time.Instant;
import java.util.UUID;

/** One re-drive of a dead letter: which record, where it went, who did it and when. */
public record Redrive(UUID id, String deadLetterTopic, int deadLetterPartition, long deadLetterOffset,
        String targetTopic, int targetPartition, long targetOffset, String eventId, String eventType, String key,
        String reason, String redrivenBy, String redrivenByEmail, Instant redrivenAt) {
}
