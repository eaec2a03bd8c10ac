/**
 * Resumable document uploads (issue 5, server side): the tus 1.0.0 protocol with the creation, expiration,
 * checksum and termination extensions, at the service root ({@code /uploads}, through the gateway
 * {@code /api/v1/uploads}).
 *
 * <h2>Requests</h2>
 * <ul>
 * <li>{@code OPTIONS /uploads} - discovery, no token: {@code Tus-Version}, {@code Tus-Extension},
 * {@code Tus-Max-Size}, {@code Tus-Checksum-Algorithm: sha1,sha256}.</li>
 * <li>{@code POST /uploads} - {@code Upload-Length} and {@code Upload-Metadata} with {@code applicationId},
 * {@code applicantId}, {@code documentType} (the codes of {@link id.go.imigrasi.mpaspor.contracts.application.DocumentType})
 * and {@code filename}; only the owner of a DRAFT application ({@link id.go.imigrasi.mpaspor.application.upload.UploadTargets}).
 * 201 with {@code Location} and {@code Upload-Expires}.</li>
 * <li>{@code HEAD /uploads/{id}} - {@code Upload-Offset}, {@code Upload-Length}, {@code Upload-Metadata}.</li>
 * <li>{@code PATCH /uploads/{id}} ({@code Content-Type: application/offset+octet-stream}, optional
 * {@code Upload-Checksum}) - also as {@code POST} with {@code X-HTTP-Method-Override: PATCH}. 204 with the new
 * {@code Upload-Offset}; 409 at a wrong offset; 460 on a checksum mismatch (the chunk is discarded).</li>
 * <li>{@code DELETE /uploads/{id}} - termination of a partial upload (a complete one is a document: 409).</li>
 * </ul>
 * Someone else's upload id answers 404 like a missing one. Every response carries {@code Tus-Resumable: 1.0.0};
 * errors are problem+json (id/en).
 *
 * <h2>Location</h2>
 * Never built from the request ({@code Host} and {@code X-Forwarded-*} are the client's to forge): behind the
 * gateway (which marks forwarded requests with {@code X-Forwarded-Prefix}) it is the configured
 * {@code mpaspor.upload.public-base-url} + {@code /uploads/{id}}; called directly it is the absolute path
 * {@code /uploads/{id}}, which tus clients resolve against the URL they posted to.
 *
 * <h2>Durability and streaming</h2>
 * A PATCH runs on a worker thread and streams its body into the store a buffer at a time; the bytes are forced to
 * disk (filesystem) or acknowledged by the object store (S3) before the offset in PostgreSQL advances, to exactly
 * what was durably written. A body cut off midway keeps what arrived (unless it carried a checksum, which then
 * cannot be verified). The last chunk completes the upload and appends DocumentUploaded to the outbox in the same
 * transaction. Stores: {@code mpaspor.upload.storage.kind=filesystem} (default, one directory) or {@code s3}
 * (any S3-compatible server, one part object per PATCH). With the filesystem store and several instances the
 * gateway must route an upload's requests to one instance (or use a shared volume); the conditional offset update
 * refuses the loser of a race either way.
 *
 * <h2>Encryption at rest</h2>
 * Documents are stored encrypted (issue 23, UU PDP):
 * {@link id.go.imigrasi.mpaspor.application.upload.storage.encryption.DocumentEncryption}, a data key per document
 * wrapped by the active master key ({@code mpaspor.upload.encryption.*}), each piece of a PATCH sealed as an
 * AES-GCM segment bound to its plaintext offset, so that appends, broken bodies and discarded chunks work as
 * before; offsets stay plaintext offsets, checksums are over the plaintext, and every reader gets the verified
 * plaintext through the store or an error. Documents stored before it (no format marker) are read as plaintext.
 *
 * <h2>Admission control</h2>
 * {@link id.go.imigrasi.mpaspor.application.upload.admission.PatchAdmission}, checked in a pre-matching filter on
 * the event loop, before any worker thread, database connection or body byte is spent:
 * <ul>
 * <li>PATCH: a fixed limit of concurrent PATCHes and of bytes in flight per instance, decided from the headers
 * alone (503), then a share per account (429);</li>
 * <li>creation, HEAD and DELETE: their own limit of concurrent requests (503) - a crowd of clients creating or
 * asking for their offset at once would otherwise queue for the connection pool in front of the PATCHes.</li>
 * </ul>
 * A refusal is answered at once with {@code Retry-After} growing with the recent pressure (sheds within the
 * pressure window relative to the limit). A client that sends {@code Expect: 100-continue} gets the refusal
 * instead of {@code 100 Continue} (Quarkus sends 100 only when the body is first read), so a refused chunk does
 * not travel. Metrics: {@code mpaspor.upload.patch.limit}, {@code mpaspor.upload.patch.in.flight},
 * {@code mpaspor.upload.bytes.in.flight}, {@code mpaspor.upload.patch.shed{reason}},
 * {@code mpaspor.upload.request.limit}, {@code mpaspor.upload.request.in.flight},
 * {@code mpaspor.upload.request.shed}, and p50/p99 of every upload request as the server sees it
 * ({@code http_server_requests_seconds{uri="/uploads..."}}).
 *
 * <h2>Validation and expiry</h2>
 * {@link id.go.imigrasi.mpaspor.application.upload.validation.UploadValidationConsumer} (channel
 * {@code upload-validation}, its own consumer group) judges each DocumentUploaded at its own pace - type by content
 * (JPEG, PNG, PDF), size, image dimensions, PDF page count, corrupt files - and publishes DocumentAccepted or
 * DocumentRejected (reason code, Indonesian and English texts). Partial uploads past {@code Upload-Expires} are
 * removed, rows and bytes, by {@link id.go.imigrasi.mpaspor.application.upload.service.ExpiredUploadCleanup}.
 * Policy values: {@code mpaspor.upload.*} ({@link id.go.imigrasi.mpaspor.application.upload.config.UploadConfig}).
 */
package id.go.imigrasi.mpaspor.application.upload;
