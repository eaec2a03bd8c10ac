package id.go.imigrasi.mpaspor.application.upload.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Uploads in an S3-compatible object store. Objects cannot be appended to, so every PATCH becomes one part
 * object {@code <key>/<offset, 19 digits>}: the body is spooled to a local temporary file as it streams in (never
 * whole in memory), then put; S3 acknowledges a put only once the object is durably stored, and only then does
 * {@link #append} return. Reading concatenates the parts in offset order. A part that an interrupted request left
 * beyond the recorded offset is removed (or cut) before the next one is written.
 */
public class S3UploadStore implements UploadStore {

    private final S3Client s3;
    private final String bucket;
    private final int bufferSize;

    public S3UploadStore(S3Client s3, String bucket, int bufferSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.bufferSize = bufferSize;
    }

    /** Creates the bucket when it does not exist yet (development, tests); production provisions it. */
    public S3UploadStore ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
        return this;
    }

    @Override
    public void create(String key) {
        // nothing to create: an upload without parts is empty
    }

    @Override
    public long append(String key, long offset, InputStream body, long maxBytes, MessageDigest digest)
            throws IOException, Interrupted {
        truncate(key, offset);
        Path spool = Files.createTempFile("mpaspor-upload-", ".part");
        try {
            long written = 0;
            IOException broken = null;
            try (OutputStream out = Files.newOutputStream(spool)) {
                byte[] buffer = new byte[bufferSize];
                while (written < maxBytes) {
                    int read;
                    try {
                        read = body.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - written));
                    } catch (IOException e) {
                        broken = e;
                        break;
                    }
                    if (read < 0) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    if (digest != null) {
                        digest.update(buffer, 0, read);
                    }
                    written += read;
                }
            }
            if (written > 0) {
                s3.putObject(b -> b.bucket(bucket).key(partKey(key, offset)), RequestBody.fromFile(spool));
            }
            if (broken != null) {
                throw new Interrupted(written, broken);
            }
            return written;
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public void truncate(String key, long length) throws IOException {
        for (S3Object part : parts(key)) {
            long start = startOf(part);
            if (start >= length) {
                s3.deleteObject(b -> b.bucket(bucket).key(part.key()));
            } else if (start + part.size() > length) {
                cut(part, length - start);
            }
        }
    }

    @Override
    public InputStream open(String key) {
        Iterator<S3Object> parts = parts(key).iterator();
        return new SequenceInputStream(new java.util.Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return parts.hasNext();
            }

            @Override
            public InputStream nextElement() {
                String part = parts.next().key();
                return s3.getObject(b -> b.bucket(bucket).key(part), ResponseTransformer.toInputStream());
            }
        });
    }

    @Override
    public void delete(String key) {
        for (S3Object part : parts(key)) {
            s3.deleteObject(b -> b.bucket(bucket).key(part.key()));
        }
    }

    /** The part objects of an upload, in offset order. */
    List<S3Object> parts(String key) {
        List<S3Object> parts = new java.util.ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(key + "/")).contents().forEach(parts::add);
        parts.sort(Comparator.comparingLong(S3UploadStore::startOf));
        return Collections.unmodifiableList(parts);
    }

    private void cut(S3Object part, long keep) throws IOException {
        Path spool = Files.createTempFile("mpaspor-upload-", ".cut");
        try {
            try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(part.key()).range("bytes=0-" + (keep - 1)),
                    ResponseTransformer.toInputStream()); OutputStream out = Files.newOutputStream(spool)) {
                in.transferTo(out);
            }
            s3.putObject(b -> b.bucket(bucket).key(part.key()), RequestBody.fromFile(spool));
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static String partKey(String key, long offset) {
        if (!key.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("not a storage key: " + key);
        }
        return key + "/" + String.format("%019d", offset);
    }

    private static long startOf(S3Object part) {
        String key = part.key();
        try {
            return Long.parseLong(key.substring(key.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            throw new UncheckedIOException(new IOException("not an upload part: " + key));
        }
    }
}
